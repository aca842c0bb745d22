import { v } from "convex/values";

/** Validators of what the metrics functions return (the shape of lib/metrics/summary.ts `Summary`). */

export const metricsWindowValidator = v.union(v.literal("today"), v.literal("week"), v.literal("last30"));

const perStageValidator = v.object({ situation: v.number(), problem: v.number(), implication: v.number(), need_payoff: v.number() });
const nullableNumber = v.union(v.number(), v.null());

export const summaryValidator = v.object({
  messagesIn: v.number(),
  messagesOut: v.number(),
  messagesOutBot: v.number(),
  messagesOutHuman: v.number(),
  newSessions: v.number(),
  handovers: v.number(),
  funnel: perStageValidator,
  questions: perStageValidator,
  conversionToNeedPayoff: v.number(),
  firstResponse: v.object({ count: v.number(), meanMs: nullableNumber, medianBucket: nullableNumber }),
  botShare: nullableNumber,
  botToCustomerRatio: nullableNumber,
});

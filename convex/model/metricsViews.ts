import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { METRICS_WINDOWS } from "../../lib/time/windows";
import { perStageCountsValidator } from "../schema";

/** Validators of what the metrics functions return (the shape of lib/metrics/summary.ts `Summary`). */

export const metricsWindowValidator = literals(...METRICS_WINDOWS);

const nullableNumber = v.union(v.number(), v.null());

export const summaryValidator = v.object({
  messagesIn: v.number(),
  messagesOut: v.number(),
  messagesOutBot: v.number(),
  messagesOutHuman: v.number(),
  newSessions: v.number(),
  handovers: v.number(),
  funnel: perStageCountsValidator,
  questions: perStageCountsValidator,
  conversionToNeedPayoff: v.number(),
  firstResponse: v.object({ count: v.number(), meanMs: nullableNumber, medianBucket: nullableNumber }),
  botShare: nullableNumber,
  botToCustomerRatio: nullableNumber,
});

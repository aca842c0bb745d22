import { FIRST_RESPONSE_BUCKET_EDGES_MS, STAGES, type Counters, type PerStage } from "./counters";

/** What the dashboard and the API show for summed rollups: ratios guarded against empty windows. */

export type Summary = {
  messagesIn: number;
  messagesOut: number;
  messagesOutBot: number;
  messagesOutHuman: number;
  newSessions: number;
  handovers: number;
  funnel: PerStage;
  questions: PerStage;
  /** Share of conversations that reached need-payoff, 0–1. */
  conversionToNeedPayoff: number;
  firstResponse: { count: number; meanMs: number | null; medianMs: number | null };
  /** Share of replies sent by the bot, 0–1 (null with no replies). */
  botShare: number | null;
  /** Bot messages per customer message (null with no customer messages). */
  botToCustomerRatio: number | null;
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The median first response, read off the histogram: the upper edge of the bucket holding the
 * middle response (the open-ended last bucket reports its lower edge). Exact enough for a dashboard
 * and costs nothing to keep.
 */
export function medianFromBuckets(buckets: number[]): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i];
    if (seen * 2 >= total) return FIRST_RESPONSE_BUCKET_EDGES_MS[i] ?? FIRST_RESPONSE_BUCKET_EDGES_MS.at(-1)!;
  }
  return null;
}

export function summarize(counters: Counters): Summary {
  const messagesOut = counters.messagesOutBot + counters.messagesOutHuman;
  return {
    messagesIn: counters.messagesIn,
    messagesOut,
    messagesOutBot: counters.messagesOutBot,
    messagesOutHuman: counters.messagesOutHuman,
    newSessions: counters.newSessions,
    handovers: counters.handovers,
    funnel: { ...counters.reached },
    questions: { ...counters.questions },
    conversionToNeedPayoff: ratio(counters.reached.need_payoff, counters.reached.situation) ?? 0,
    firstResponse: {
      count: counters.firstResponseCount,
      meanMs: ratio(counters.firstResponseSumMs, counters.firstResponseCount),
      medianMs: medianFromBuckets(counters.firstResponseBuckets),
    },
    botShare: ratio(counters.messagesOutBot, messagesOut),
    botToCustomerRatio: ratio(counters.messagesOutBot, counters.messagesIn),
  };
}

export { STAGES };

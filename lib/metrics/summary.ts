import type { Counters, PerStage } from "./counters";

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
  firstResponse: { count: number; meanMs: number | null; medianBucket: number | null };
  /** Share of replies sent by the bot, 0–1 (null with no replies). */
  botShare: number | null;
  /** Bot messages per customer message (null with no customer messages). */
  botToCustomerRatio: number | null;
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Which first-response bucket holds the median response (FIRST_RESPONSE_BUCKET_EDGES_MS: under
 * 1 min, 1–5 min, 5–15 min, 15–60 min, 1–4 h, over 4 h): exact enough for a dashboard, free to keep.
 */
export function medianBucket(buckets: number[]): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i];
    if (seen * 2 >= total) return i;
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
      medianBucket: medianBucket(counters.firstResponseBuckets),
    },
    botShare: ratio(counters.messagesOutBot, messagesOut),
    botToCustomerRatio: ratio(counters.messagesOutBot, counters.messagesIn),
  };
}


/**
 * The counters of one rollup row (org, agent, local day): pure data shared by the Convex write
 * path, the rebuild, the dashboard queries and the tests that recompute them from raw rows.
 */

import { SPIN_ORDER, type SpinStage } from "../spin/types";

export type Stage = SpinStage;
export type PerStage = Record<Stage, number>;

/** Upper edges (exclusive) of the first-response histogram; the last bucket is open-ended. */
export const FIRST_RESPONSE_BUCKET_EDGES_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000] as const;

export type Counters = {
  messagesIn: number;
  messagesOutBot: number;
  messagesOutHuman: number;
  newSessions: number;
  /** Sessions reaching each stage for the first time (a funnel: never more at a later stage). */
  reached: PerStage;
  /** Bot questions asked in each stage. */
  questions: PerStage;
  firstResponseCount: number;
  firstResponseSumMs: number;
  /** Counts per bucket of FIRST_RESPONSE_BUCKET_EDGES_MS, plus one open-ended bucket. */
  firstResponseBuckets: number[];
  /** Conversations a person took over from the bot. */
  handovers: number;
};

const zeroStages = (): PerStage => ({ situation: 0, problem: 0, implication: 0, need_payoff: 0 });

export function zeroCounters(): Counters {
  return {
    messagesIn: 0,
    messagesOutBot: 0,
    messagesOutHuman: 0,
    newSessions: 0,
    reached: zeroStages(),
    questions: zeroStages(),
    firstResponseCount: 0,
    firstResponseSumMs: 0,
    firstResponseBuckets: Array.from({ length: FIRST_RESPONSE_BUCKET_EDGES_MS.length + 1 }, () => 0),
    handovers: 0,
  };
}

/** A sparse change: only the counters it names move. */
export type CounterDelta = Partial<Omit<Counters, "reached" | "questions" | "firstResponseBuckets">> & {
  reached?: Partial<PerStage>;
  questions?: Partial<PerStage>;
  firstResponseBucket?: number;
};

const SCALARS = ["messagesIn", "messagesOutBot", "messagesOutHuman", "newSessions", "firstResponseCount", "firstResponseSumMs", "handovers"] as const;

/** `counters + sign × delta`, as a new object. */
export function applyDelta(counters: Counters, delta: CounterDelta, sign: 1 | -1 = 1): Counters {
  const next: Counters = { ...counters, reached: { ...counters.reached }, questions: { ...counters.questions }, firstResponseBuckets: [...counters.firstResponseBuckets] };
  for (const key of SCALARS) next[key] += sign * (delta[key] ?? 0);
  for (const stage of SPIN_ORDER) {
    next.reached[stage] += sign * (delta.reached?.[stage] ?? 0);
    next.questions[stage] += sign * (delta.questions?.[stage] ?? 0);
  }
  if (delta.firstResponseBucket !== undefined) next.firstResponseBuckets[delta.firstResponseBucket] += sign;
  return next;
}

export function sumCounters(rows: Counters[]): Counters {
  const total = zeroCounters();
  for (const row of rows) {
    for (const key of SCALARS) total[key] += row[key];
    for (const stage of SPIN_ORDER) {
      total.reached[stage] += row.reached[stage];
      total.questions[stage] += row.questions[stage];
    }
    row.firstResponseBuckets.forEach((count, i) => (total.firstResponseBuckets[i] += count));
  }
  return total;
}

export function firstResponseBucketOf(ms: number): number {
  const index = FIRST_RESPONSE_BUCKET_EDGES_MS.findIndex((edge) => ms < edge);
  return index === -1 ? FIRST_RESPONSE_BUCKET_EDGES_MS.length : index;
}

export function isZero(counters: Counters): boolean {
  return JSON.stringify(counters) === JSON.stringify(zeroCounters());
}

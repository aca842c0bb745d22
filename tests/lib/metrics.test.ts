import { describe, expect, test } from "vitest";
import { messageContributions, sessionContributions, stageEventContributions } from "../../lib/metrics/contributions";
import { applyDelta, firstResponseBucketOf, isZero, sumCounters, zeroCounters } from "../../lib/metrics/counters";
import { recomputeRollups } from "../fixtures/recompute-rollups";
import { medianBucket, summarize } from "../../lib/metrics/summary";

/** The pure side of the rollups: what each row contributes, and how sums become dashboard numbers. */

const AGENT = "agent_1";
const AT = Date.parse("2026-12-01T15:00:00Z");

describe("contributions", () => {
  test("a customer message counts one message in", () => {
    expect(messageContributions({ agentId: AGENT, direction: "in", author: "customer", sentAt: AT })).toEqual([
      { agentId: AGENT, at: AT, delta: { messagesIn: 1 } },
    ]);
  });

  test("a bot reply counts one bot message and one question of its stage", () => {
    const [only] = messageContributions({ agentId: AGENT, direction: "out", author: "bot", sentAt: AT, stage: "problem" });
    expect(only.delta).toEqual({ messagesOutBot: 1, questions: { problem: 1 } });
  });

  test("a session counts as new and in situation when it starts, and its first response and takeover when they happen", () => {
    const contributions = sessionContributions({ agentId: AGENT, startedAt: AT, firstResponseAt: AT + 90_000, firstResponseMs: 90_000, takenOverAt: AT + 3_600_000 });
    expect(contributions.map((c) => c.at)).toEqual([AT, AT + 90_000, AT + 3_600_000]);
    expect(contributions[1].delta).toEqual({ firstResponseCount: 1, firstResponseSumMs: 90_000, firstResponseBucket: 1 });
  });

  test("a stage event counts only the stages it reached for the first time", () => {
    expect(stageEventContributions({ agentId: AGENT, at: AT, reached: ["problem", "implication"] })[0].delta).toEqual({
      reached: { problem: 1, implication: 1 },
    });
    expect(stageEventContributions({ agentId: AGENT, at: AT, reached: [] })).toEqual([]);
  });
});

describe("counters", () => {
  test("applying a delta and its negative gives zero back", () => {
    const delta = { messagesIn: 2, reached: { situation: 1 }, firstResponseBucket: 3 };
    expect(isZero(applyDelta(applyDelta(zeroCounters(), delta), delta, -1))).toBe(true);
  });

  test("sums rows field by field, histogram included", () => {
    const row = applyDelta(zeroCounters(), { messagesIn: 1, questions: { implication: 2 }, firstResponseBucket: 0 });
    const total = sumCounters([row, row]);
    expect(total).toMatchObject({ messagesIn: 2, questions: { implication: 4 } });
    expect(total.firstResponseBuckets[0]).toBe(2);
  });

  test("files first responses under 1 min, 1–5 min, …, over 4 h", () => {
    expect([0, 59_999, 60_000, 14 * 60_000, 59 * 60_000, 3 * 3_600_000, 5 * 3_600_000].map(firstResponseBucketOf)).toEqual([0, 0, 1, 2, 3, 4, 5]);
  });
});

describe("summaries", () => {
  test("an empty window gives zeros and no ratios instead of dividing by zero", () => {
    expect(summarize(zeroCounters())).toMatchObject({ conversionToNeedPayoff: 0, botShare: null, botToCustomerRatio: null, firstResponse: { meanMs: null, medianBucket: null } });
  });

  test("conversion is the share of conversations that reached need-payoff", () => {
    const counters = applyDelta(zeroCounters(), { reached: { situation: 4, need_payoff: 1 } });
    expect(summarize(counters).conversionToNeedPayoff).toBe(0.25);
  });

  test("the median bucket is the one holding the middle response", () => {
    expect(medianBucket([1, 1, 5, 0, 0, 0])).toBe(2);
    expect(medianBucket([3, 0, 0, 0, 0, 3])).toBe(0);
    expect(medianBucket([0, 0, 0, 0, 0, 0])).toBeNull();
  });
});

describe("recomputeRollups", () => {
  test("files every contribution under its agent and local day", () => {
    const lateEvening = Date.parse("2026-12-02T02:30:00Z");
    const totals = recomputeRollups("America/Sao_Paulo", {
      sessions: [{ agentId: AGENT, startedAt: lateEvening }],
      messages: [{ agentId: AGENT, direction: "in", author: "customer", sentAt: lateEvening }],
      stageEvents: [],
    });
    expect([...totals.keys()]).toEqual([`${AGENT}|2026-12-01`]);
    expect(totals.get(`${AGENT}|2026-12-01`)).toMatchObject({ messagesIn: 1, newSessions: 1, reached: { situation: 1 } });
  });
});

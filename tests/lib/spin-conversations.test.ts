import { describe, expect, test } from "vitest";
import { INTENTS, ratio, scoreConversations, stageIndex, stagesShown } from "../../lib/spin";
import { labelledConversations, scoredRuns } from "../fixtures/spin-conversations";

const score = scoreConversations(scoredRuns());
const allTurns = labelledConversations.flatMap((conversation) => conversation.turns.map((turn) => ({ ...turn, conversation })));

describe("the labelled conversations", () => {
  test("hold at least 40 multi-turn conversations in both languages", () => {
    expect(labelledConversations.length).toBeGreaterThanOrEqual(40);
    expect(labelledConversations.filter((c) => c.turns.length >= 3).length).toBeGreaterThanOrEqual(30);
    for (const language of ["pt", "en"]) {
      expect(labelledConversations.filter((c) => c.language === language).length).toBeGreaterThanOrEqual(10);
    }
  });

  test("label every intent at least three times", () => {
    for (const intent of INTENTS) expect(allTurns.filter((turn) => turn.intent === intent).length).toBeGreaterThanOrEqual(3);
  });

  test("include customers who skip stages and messages that show several stages", () => {
    const before = (c: (typeof labelledConversations)[number], i: number) => (i === 0 ? "situation" : c.turns[i - 1].stage);
    const skips = labelledConversations.filter((c) =>
      c.turns.some((turn, i) => stageIndex(turn.stage) - stageIndex(before(c, i)) >= 2),
    );
    expect(skips.length).toBeGreaterThanOrEqual(3);
    const several = allTurns.filter((turn) => stagesShown(turn.customer).length >= 3);
    expect(several.length).toBeGreaterThanOrEqual(2);
  });
});

describe("runConversation on the labelled conversations", () => {
  test("gets the stage right after at least 90% of the turns", () => {
    expect(ratio(score.stage)).toBeGreaterThanOrEqual(0.9);
  });

  test("never moves a conversation's stage backwards", () => {
    expect(score.regressions).toEqual([]);
  });

  test("never sends the same reply twice in a conversation", () => {
    expect(score.repeats).toEqual([]);
  });

  test("never misses a request for a person", () => {
    expect(score.handoffs.correct).toBe(score.handoffs.total);
  });

  test("never misses an opt-out", () => {
    expect(score.optOuts.correct).toBe(score.optOuts.total);
  });

  test("never asks a question behind the customer's stage", () => {
    expect(score.behind).toEqual([]);
  });

  test("never writes after a handoff or an opt-out", () => {
    expect(score.afterSilence).toEqual([]);
  });

  test("gets the intent right after at least 90% of the turns", () => {
    expect(ratio(score.intent)).toBeGreaterThanOrEqual(0.9);
  });
});

import { describe, expect, test } from "vitest";
import { ADVANCE_MIN_CONFIDENCE, BACKWARD_MIN_CONFIDENCE, nextStage, questionStage, SKIP_MIN_CONFIDENCE } from "../../lib/spin";

const confident = 0.6;
const strong = SKIP_MIN_CONFIDENCE;
const decisive = BACKWARD_MIN_CONFIDENCE;

describe("nextStage", () => {
  test("stays put when the message shows no stage", () => {
    expect(nextStage("problem", { stage: null, confidence: 1 })).toEqual({ stage: "problem", changed: false, handoff: false });
  });

  test("stays put when the evidence is below the advance threshold", () => {
    const weak = ADVANCE_MIN_CONFIDENCE - 0.01;
    expect(nextStage("situation", { stage: "problem", confidence: weak })).toMatchObject({ stage: "situation", changed: false });
  });

  test("advances to the next stage on confident evidence of it", () => {
    expect(nextStage("situation", { stage: "problem", confidence: confident })).toEqual({
      stage: "problem",
      changed: true,
      handoff: false,
    });
  });

  test("stays in the stage the customer confidently answers in", () => {
    expect(nextStage("situation", { stage: "situation", confidence: confident })).toMatchObject({ stage: "situation", changed: false });
  });

  test("skips ahead on strong evidence of a later stage", () => {
    expect(nextStage("situation", { stage: "implication", confidence: strong })).toMatchObject({ stage: "implication" });
  });

  test("advances only one step when evidence of a later stage is not strong", () => {
    expect(nextStage("situation", { stage: "implication", confidence: confident })).toMatchObject({ stage: "problem" });
  });

  test("does not go back on evidence below the backward threshold", () => {
    const almost = BACKWARD_MIN_CONFIDENCE - 0.01;
    expect(nextStage("implication", { stage: "situation", confidence: almost })).toMatchObject({
      stage: "implication",
      changed: false,
    });
  });

  test("goes back on decisive evidence of an earlier stage", () => {
    expect(nextStage("implication", { stage: "situation", confidence: decisive })).toMatchObject({
      stage: "situation",
      changed: true,
    });
  });

  test("suggests a handoff on reaching need-payoff", () => {
    expect(nextStage("implication", { stage: "need_payoff", confidence: confident })).toEqual({
      stage: "need_payoff",
      changed: true,
      handoff: true,
    });
  });

  test("does not reach need-payoff before the customer expresses it", () => {
    expect(nextStage("implication", { stage: "implication", confidence: 1 })).toMatchObject({ stage: "implication", handoff: false });
  });

  test("keeps suggesting the handoff while in need-payoff", () => {
    expect(nextStage("need_payoff", { stage: "need_payoff", confidence: 1 })).toEqual({
      stage: "need_payoff",
      changed: false,
      handoff: true,
    });
  });

  test("keeps need-payoff when weak evidence points back", () => {
    expect(nextStage("need_payoff", { stage: "problem", confidence: confident })).toMatchObject({ stage: "need_payoff", handoff: true });
  });
});

describe("questionStage", () => {
  test("asks the next stage's question once the customer confidently answers in the current one", () => {
    expect(questionStage("situation", { stage: "situation", confidence: confident })).toBe("problem");
    expect(questionStage("implication", { stage: "implication", confidence: confident })).toBe("need_payoff");
  });

  test("keeps exploring the current stage when the answer shows nothing new", () => {
    expect(questionStage("problem", { stage: null, confidence: 0 })).toBe("problem");
    expect(questionStage("problem", { stage: "problem", confidence: ADVANCE_MIN_CONFIDENCE - 0.01 })).toBe("problem");
  });

  test("stays on need-payoff, the last stage", () => {
    expect(questionStage("need_payoff", { stage: "need_payoff", confidence: 1 })).toBe("need_payoff");
  });
});

import { SPIN_ORDER, stageIndex, type SpinStage } from "./types";

export interface StageEvidence {
  stage: SpinStage | null;
  confidence: number;
}

export interface StageTransition {
  stage: SpinStage;
  changed: boolean;
  /** The conversation reached need-payoff: time to suggest a human specialist. */
  handoff: boolean;
}

/** Least confidence for evidence to move the conversation at all (one strong cue gives 0.6). */
export const ADVANCE_MIN_CONFIDENCE = 0.5;
/** Least confidence to jump more than one stage ahead; weaker evidence still moves one step. */
export const SKIP_MIN_CONFIDENCE = 0.7;
/** Least confidence to go back: a stray fact must not undo progress already made. */
export const BACKWARD_MIN_CONFIDENCE = 0.8;

const LAST = SPIN_ORDER.length - 1;

/**
 * The conversation's stage is where the customer's own words have taken it: it advances on
 * evidence of a later stage (one step at a time unless the evidence is strong), and goes back
 * only on decisive evidence. The question the bot asks next is `questionStage`.
 */
export function nextStage(current: SpinStage, evidence: StageEvidence): StageTransition {
  const from = stageIndex(current);
  let to = from;
  if (evidence.stage !== null && evidence.confidence >= ADVANCE_MIN_CONFIDENCE) {
    const target = stageIndex(evidence.stage);
    if (target > from) to = target - from > 1 && evidence.confidence < SKIP_MIN_CONFIDENCE ? from + 1 : target;
    else if (target < from && evidence.confidence >= BACKWARD_MIN_CONFIDENCE) to = target;
  }
  const stage = SPIN_ORDER[to];
  return { stage, changed: to !== from, handoff: stage === "need_payoff" };
}

/**
 * The kind of question to ask next: once the customer has confidently answered in the current
 * stage, its question was answered and the next stage's question comes; otherwise the current
 * stage is explored further (in other words, never verbatim again).
 */
export function questionStage(stage: SpinStage, evidence: StageEvidence): SpinStage {
  const answered = evidence.stage === stage && evidence.confidence >= ADVANCE_MIN_CONFIDENCE;
  return answered ? SPIN_ORDER[Math.min(stageIndex(stage) + 1, LAST)] : stage;
}

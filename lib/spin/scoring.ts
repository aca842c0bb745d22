import type { ConversationStep } from "./conversation";
import { SPIN_ORDER, stageIndex, type Intent, type Language, type SpinStage } from "./types";

/** One labelled turn: what the stage and intent should be after the customer's message. */
export interface ExpectedTurn {
  stage: SpinStage;
  intent: Intent | null;
}

export interface ScoredConversation {
  id: string;
  language: Language;
  expected: ExpectedTurn[];
  steps: ConversationStep[];
}

export interface Tally {
  correct: number;
  total: number;
}

export interface ConversationScore {
  stage: Tally;
  intent: Tally;
  stageBy: Record<SpinStage, Tally>;
  stageByLanguage: Record<Language, Tally>;
  intentByLanguage: Record<Language, Tally>;
  /** Labelled human / opt-out turns the engine answered with a handoff / a silence-after confirmation. */
  handoffs: Tally;
  optOuts: Tally;
  /** Rule breaks the product must never show; each is a description of where. */
  regressions: string[];
  repeats: string[];
  behind: string[];
  afterSilence: string[];
}

const tally = (): Tally => ({ correct: 0, total: 0 });
const count = (t: Tally, ok: boolean) => {
  t.total++;
  if (ok) t.correct++;
};

export const ratio = (t: Tally) => (t.total === 0 ? 1 : t.correct / t.total);

function emptyScore(): ConversationScore {
  return {
    stage: tally(),
    intent: tally(),
    stageBy: Object.fromEntries(SPIN_ORDER.map((stage) => [stage, tally()])) as Record<SpinStage, Tally>,
    stageByLanguage: { pt: tally(), en: tally() },
    intentByLanguage: { pt: tally(), en: tally() },
    handoffs: tally(),
    optOuts: tally(),
    regressions: [],
    repeats: [],
    behind: [],
    afterSilence: [],
  };
}

function scoreRules(score: ConversationScore, run: ScoredConversation) {
  const sent = new Set<string>();
  let silencedAt: number | null = null;
  run.steps.forEach((step, i) => {
    const where = `${run.id} #${i + 1} "${step.customer}"`;
    if (i > 0 && stageIndex(step.stage) < stageIndex(run.steps[i - 1].stage)) score.regressions.push(where);
    if (step.questionStage !== null && stageIndex(step.questionStage) < stageIndex(step.stage)) score.behind.push(where);
    if (silencedAt !== null && step.reply !== null) score.afterSilence.push(where);
    if (step.reply !== null) {
      if (sent.has(step.reply)) score.repeats.push(where);
      sent.add(step.reply);
    }
    if (silencedAt === null && (step.handoff || step.intent === "opt_out")) silencedAt = i;
  });
}

function scoreLabels(score: ConversationScore, run: ScoredConversation) {
  run.steps.forEach((step, i) => {
    const expected = run.expected[i];
    count(score.stage, step.stage === expected.stage);
    count(score.stageBy[expected.stage], step.stage === expected.stage);
    count(score.stageByLanguage[run.language], step.stage === expected.stage);
    count(score.intent, step.intent === expected.intent);
    count(score.intentByLanguage[run.language], step.intent === expected.intent);
    if (expected.intent === "human") count(score.handoffs, step.intent === "human");
    if (expected.intent === "opt_out") count(score.optOuts, step.intent === "opt_out");
  });
}

/** Accuracy against the labels, and every break of the engine's fixed rules, over many conversations. */
export function scoreConversations(runs: readonly ScoredConversation[]): ConversationScore {
  const score = emptyScore();
  for (const run of runs) {
    scoreLabels(score, run);
    scoreRules(score, run);
  }
  return score;
}

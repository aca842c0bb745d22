import { test } from "vitest";
import { evaluateClassifier, ratio, scoreConversations, SPIN_ORDER, type LabelledSample, type Tally } from "../../lib/spin";
import { scoredRuns } from "../fixtures/spin-conversations";
import heldOut from "../fixtures/spin-heldout.json";
import labelled from "../fixtures/spin-labelled.json";
import { report } from "./report";

/**
 * The SPIN engine's figures: turn-level stage and intent accuracy over the labelled multi-turn
 * conversations (runConversation, exactly the product's rules), the rules it must never break,
 * and the isolated-text classifier on the labelled and held-out texts.
 */

const percent = (t: Tally) => `${(ratio(t) * 100).toFixed(1)}%`;
const cell = (t: Tally) => `${t.correct}/${t.total} (${percent(t)})`;

test("conversation engine accuracy per stage and language, and the rules it keeps", async () => {
  const score = scoreConversations(scoredRuns());
  await report("SPIN conversations: turn-level accuracy", [
    { measure: "stage", all: cell(score.stage), pt: cell(score.stageByLanguage.pt), en: cell(score.stageByLanguage.en) },
    { measure: "intent", all: cell(score.intent), pt: cell(score.intentByLanguage.pt), en: cell(score.intentByLanguage.en) },
  ]);
  await report(
    "SPIN conversations: stage accuracy by expected stage",
    SPIN_ORDER.map((stage) => ({ stage, turns: score.stageBy[stage].total, accuracy: cell(score.stageBy[stage]) })),
  );
  await report("SPIN conversations: rules", [
    { rule: "handoffs honoured (human intent → handoff, then silence)", result: cell(score.handoffs) },
    { rule: "opt-outs honoured (confirmation, then silence)", result: cell(score.optOuts) },
    { rule: "questions asked behind the customer's stage (must be 0)", result: score.behind.length },
    { rule: "stage moved backwards (must be 0)", result: score.regressions.length },
    { rule: "reply repeated within a conversation (must be 0)", result: score.repeats.length },
    { rule: "replies after a handoff or opt-out (must be 0)", result: score.afterSilence.length },
  ]);
});

test("classifier accuracy per stage on the labelled and held-out sets", async () => {
  const sets = { labelled: labelled as LabelledSample[], heldOut: heldOut as LabelledSample[] };
  const rows = [];
  for (const [name, samples] of Object.entries(sets)) {
    const evaluation = evaluateClassifier(samples);
    const perStage = Object.fromEntries(
      [...SPIN_ORDER, "none" as const].map((stage) => {
        const tally = evaluation.perStage[stage];
        return [stage, `${tally.correct}/${tally.total}`];
      }),
    );
    rows.push({ set: name, texts: samples.length, accuracy: `${(evaluation.accuracy * 100).toFixed(1)}%`, ...perStage });
  }
  await report("SPIN classifier accuracy (isolated texts)", rows);
});

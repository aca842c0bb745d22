import { test } from "vitest";
import { evaluateClassifier, SPIN_ORDER, type LabelledSample } from "../../lib/spin";
import heldOut from "../fixtures/spin-heldout.json";
import labelled from "../fixtures/spin-labelled.json";
import { report } from "./report";

/** The SPIN classifier's accuracy: on the labelled set it was tuned with, and on held-out texts it never saw. */

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
  await report("SPIN classifier accuracy", rows);
});

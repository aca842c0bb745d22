import { classifySpinStage, type SpinClassification } from "./classify";
import { SPIN_ORDER, type SpinStage } from "./types";

export interface LabelledSample {
  text: string;
  stage: SpinStage | null;
}

/** Per-stage bucket; "none" holds the texts labelled with no stage. */
export type StageKey = SpinStage | "none";

export interface StageTally {
  correct: number;
  total: number;
  accuracy: number;
}

export interface Miss {
  text: string;
  expected: SpinStage | null;
  actual: SpinStage | null;
}

export interface Evaluation extends StageTally {
  perStage: Record<StageKey, StageTally>;
  misses: Miss[];
}

const STAGE_KEYS: readonly StageKey[] = [...SPIN_ORDER, "none"];

function tally(correct: number, total: number): StageTally {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

/** Accuracy of a classifier on labelled samples, overall and per expected stage. */
export function evaluateClassifier(
  samples: readonly LabelledSample[],
  classify: (text: string) => SpinClassification = classifySpinStage,
): Evaluation {
  const counts = new Map(STAGE_KEYS.map((key) => [key, { correct: 0, total: 0 }]));
  const misses: Miss[] = [];
  for (const sample of samples) {
    const actual = classify(sample.text).stage;
    const bucket = counts.get(sample.stage ?? "none")!;
    bucket.total++;
    if (actual === sample.stage) bucket.correct++;
    else misses.push({ text: sample.text, expected: sample.stage, actual });
  }
  const perStage = Object.fromEntries(
    STAGE_KEYS.map((key) => [key, tally(counts.get(key)!.correct, counts.get(key)!.total)]),
  ) as Record<StageKey, StageTally>;
  return { ...tally(samples.length - misses.length, samples.length), perStage, misses };
}

/** A fixed-width table of the figures, for test output and the benchmark script. */
export function formatEvaluation(evaluation: Evaluation): string {
  const row = (name: string, t: StageTally) =>
    `${name.padEnd(12)} ${`${t.correct}/${t.total}`.padStart(7)} ${(t.accuracy * 100).toFixed(1).padStart(6)}%`;
  return [
    ...STAGE_KEYS.map((key) => row(key, evaluation.perStage[key])),
    row("overall", evaluation),
  ].join("\n");
}

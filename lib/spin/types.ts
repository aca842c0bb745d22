/** The order a SPIN conversation normally walks through. */
export const SPIN_ORDER = ["situation", "problem", "implication", "need_payoff"] as const;

export type SpinStage = (typeof SPIN_ORDER)[number];

/** The languages the SPIN engine speaks. */
export const SPIN_LANGUAGES = ["pt", "en"] as const;
export type Language = (typeof SPIN_LANGUAGES)[number];

export function isSpinStage(value: unknown): value is SpinStage {
  return typeof value === "string" && (SPIN_ORDER as readonly string[]).includes(value);
}

export function stageIndex(stage: SpinStage): number {
  return SPIN_ORDER.indexOf(stage);
}

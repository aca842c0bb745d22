import { compileCue, type Cue } from "./cues";
import type { SpinStage } from "./types";

/** "none" collects greetings, thanks, small talk and logistics: evidence of no SPIN stage. */
export type Category = SpinStage | "none";

export const CATEGORIES: readonly Category[] = ["situation", "problem", "implication", "need_payoff", "none"];

/** Cue phrases by strength; written in long form ("voce", "para") since abbreviations are expanded first. */
export interface Tiers {
  strong?: string[];
  medium?: string[];
  weak?: string[];
}

export type LexiconSource = Record<Category, Tiers>;
export type Lexicon = Record<Category, Cue[]>;

const WEIGHTS = { strong: 3, medium: 2, weak: 1 } as const;

function compileTiers(tiers: Tiers): Cue[] {
  return (Object.keys(WEIGHTS) as (keyof Tiers)[]).flatMap((tier) =>
    (tiers[tier] ?? []).map((label) => compileCue(label, WEIGHTS[tier])),
  );
}

export function compileLexicon(source: LexiconSource): Lexicon {
  return Object.fromEntries(CATEGORIES.map((category) => [category, compileTiers(source[category])])) as Lexicon;
}

import type { Tone } from "./persona";
import { PT_PHRASES } from "./phrasings-pt";
import { EN_PHRASES } from "./phrasings-en";
import type { Language, SpinStage } from "./types";

/**
 * Everything the rule planner can say in one language. `{product}` is replaced with the agent's
 * product; intros take `{name}` (the persona's name) and `{customer}` (", Maria" or nothing).
 */
export interface Phrasebook {
  questions: Record<SpinStage, string[]>;
  /** Appended to every need-payoff question: that stage hands the lead to a person. */
  handoffs: string[];
  /** Prefixed once the plain questions of a stage are used up, so no reply repeats. */
  openers: Record<Tone, string[]>;
  intro: Record<Tone, { named: string; anonymous: string }>;
}

export const PHRASEBOOKS: Record<Language, Phrasebook> = { pt: PT_PHRASES, en: EN_PHRASES };

import type { MessageKind } from "../whatsapp/types";

/** The order a SPIN conversation normally walks through. */
export const SPIN_ORDER = ["situation", "problem", "implication", "need_payoff"] as const;

export type SpinStage = (typeof SPIN_ORDER)[number];

/** The languages the SPIN engine speaks. */
export const SPIN_LANGUAGES = ["pt", "en"] as const;
export type Language = (typeof SPIN_LANGUAGES)[number];

/** What a customer message asks for besides SPIN content; each has a fixed behaviour. */
export const INTENTS = ["greeting", "price", "human", "opt_out", "is_bot", "faq"] as const;

export type Intent = (typeof INTENTS)[number];

export function isSpinStage(value: unknown): value is SpinStage {
  return typeof value === "string" && (SPIN_ORDER as readonly string[]).includes(value);
}

export function stageIndex(stage: SpinStage): number {
  return SPIN_ORDER.indexOf(stage);
}

/** The later of two stages: a conversation's stage never goes back. */
export function furthestStage(a: SpinStage, b: SpinStage): SpinStage {
  return stageIndex(a) >= stageIndex(b) ? a : b;
}

/** The stage after `stage`; need-payoff is the last. */
export function stageAfter(stage: SpinStage): SpinStage {
  return SPIN_ORDER[Math.min(stageIndex(stage) + 1, SPIN_ORDER.length - 1)];
}

export type ChatAuthor = "customer" | "bot" | "human";

/** What a WhatsApp message carried (lib/whatsapp MESSAGE_KINDS): the engine reads words, not files. */
export type { MessageKind };

export interface ChatTurn {
  author: ChatAuthor;
  text: string;
  /**
   * For bot turns: the SPIN stage of the question it asked (null: none). Stored replies carry it;
   * when absent the engine recognizes its own phrasings.
   */
  questionStage?: SpinStage | null;
  /**
   * What the message was when not plain text (a voice note, a photo…): its `text` is then the caption,
   * often empty. Absent: text.
   */
  kind?: MessageKind;
}

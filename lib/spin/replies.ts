import { EN_REPLIES } from "./replies-en";
import { PT_REPLIES } from "./replies-pt";
import type { Language, SpinStage } from "./types";

/** A sentence for one customer and for a team: "você usa…" / "vocês usam…". English needs one. */
export type Variants = string | readonly [singular: string, team: string];

/**
 * Everything the rules can say in one language. Slots: {o_produto}, {produto}, {do_produto} (the
 * product in its grammatical place), {nome}/{artigo} (the persona), {term} (the customer's words).
 */
export interface Phrasebook {
  questions: Record<SpinStage, Variants[]>;
  /** Need-payoff questions that offer a person: accepting one is the human intent. */
  offers: Variants[];
  acks: Record<SpinStage, string[]>;
  /** When the message showed no stage: a plain acknowledgement. */
  plainAcks: string[];
  /** When the customer turned the offer of a person down. */
  declined: string[];
  intro: { named: string; anonymous: string };
  isBot: { named: Variants; anonymous: Variants };
  priceUnknown: Variants;
  faqUnknown: Variants;
  handoff: Variants;
  optOut: Variants;
  /** The first voice note the bot cannot listen to: it asks for text. */
  audioNotice: Variants;
  /** A voice note again (or the agent hands voice notes over): a person will listen. */
  audioHandoff: Variants;
  /** A photo, video or document without a caption: the bot asks what it is about. */
  visualNotice: Variants;
  visualHandoff: Variants;
  /** When every question has been asked: a close that asks nothing. */
  closings: Variants[];
  /** Outside business hours, once per closed period: {reopens} is when the team is back ("segunda às 09:00"). */
  closedNotice: Variants;
  /** Added to a handoff outside business hours: the person answers when the team is back. */
  closedHandoff: Variants;
}

export const PHRASEBOOKS: Record<Language, Phrasebook> = { pt: PT_REPLIES, en: EN_REPLIES };

export function pick(variants: Variants, team: boolean): string {
  return typeof variants === "string" ? variants : variants[team ? 1 : 0];
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Every wording of the bot's questions, with a stage, to recognize which one a stored reply asked. */
export function knownQuestions(): { text: string; stage: SpinStage }[] {
  return Object.values(PHRASEBOOKS).flatMap((book) =>
    (Object.keys(book.questions) as SpinStage[]).flatMap((stage) =>
      [...book.questions[stage], ...(stage === "need_payoff" ? book.offers : [])].flatMap((variants) =>
        [pick(variants, false), pick(variants, true)].map((text) => ({ text, stage })),
      ),
    ),
  );
}

import { productPhrase, readPersona, type PersonaTraits } from "./persona";
import { PHRASEBOOKS, type Phrasebook } from "./phrasings";
import type { Language, SpinStage } from "./types";

export interface PlanInput {
  stage: SpinStage;
  language: Language;
  persona: string;
  product: string;
  /** The bot's previous replies in this conversation, oldest first. */
  history: string[];
  customerName?: string;
  /** How many replies the bot has sent so far; rotates where the phrasings start. */
  turn: number;
}

export interface PlannedReply {
  text: string;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The customer's first name as WhatsApp shows it ("Maria Silva 🌸" -> "Maria"), or "". */
function firstName(customerName: string | undefined): string {
  const first = (customerName ?? "").trim().split(/\s+/)[0] ?? "";
  return first.replace(/[^\p{L}'-]/gu, "");
}

function rotate<T>(items: readonly T[], start: number): T[] {
  const offset = start % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}

/** The stage's questions as full replies; need-payoff ones also offer a human specialist. */
function questionsFor(book: Phrasebook, stage: SpinStage, product: string, turn: number): string[] {
  const questions = book.questions[stage].map((question) => fill(question, { product }));
  if (stage !== "need_payoff") return rotate(questions, turn);
  const withHandoff = questions.map((question, i) => `${question} ${book.handoffs[i % book.handoffs.length]}`);
  return rotate(withHandoff, turn);
}

/**
 * Every reply the stage allows, in the order to try them: the plain questions first, then each
 * question behind each opener, pairing them diagonally so consecutive replies differ in both.
 */
function candidatesFor(book: Phrasebook, input: PlanInput, traits: PersonaTraits): string[] {
  const questions = questionsFor(book, input.stage, productPhrase(input.product, input.language), input.turn);
  const openers = rotate(book.openers[traits.tone], input.turn);
  const combined = openers.flatMap((_, shift) =>
    questions.map((question, i) => `${openers[(i + shift) % openers.length]} ${question}`),
  );
  return [...questions, ...combined];
}

function introFor(book: Phrasebook, traits: PersonaTraits, customerName: string | undefined): string {
  const name = firstName(customerName);
  const intro = book.intro[traits.tone];
  const customer = name === "" ? "" : `, ${name}`;
  return traits.name ? fill(intro.named, { name: traits.name, customer }) : fill(intro.anonymous, { customer });
}

/**
 * The bot's next question for the stage, in the customer's language and the persona's tone.
 * A reply already sent in this conversation is never sent again while any other remains.
 */
export function planReply(input: PlanInput): PlannedReply {
  const book = PHRASEBOOKS[input.language];
  const traits = readPersona(input.persona);
  const sent = input.history.map((text) => text.trim());
  const candidates = candidatesFor(book, input, traits);
  const fresh = candidates.find((candidate) => !sent.some((text) => text.includes(candidate))) ?? candidates[0];
  const text = input.history.length === 0 ? `${introFor(book, traits, input.customerName)} ${fresh}` : fresh;
  return { text };
}

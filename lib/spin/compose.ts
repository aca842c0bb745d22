import type { FaqMatch } from "./faq";
import type { AgentKnowledge } from "./knowledge";
import { mirrorTerm } from "./mirror";
import { productSlots, readPersona } from "./persona";
import { fill, pick, PHRASEBOOKS, type Phrasebook, type Variants } from "./replies";
import { SPIN_ORDER, stageAfter, stageIndex, type Intent, type Language, type SpinStage } from "./types";

export interface ComposeInput {
  language: Language;
  /** The customer speaks for a team: "vocês", else "você". */
  team: boolean;
  knowledge: AgentKnowledge;
  intent: Intent | null;
  faq: FaqMatch | null;
  /** The conversation's stage after this turn. */
  stage: SpinStage;
  /** The furthest stage this turn's words showed, with the words: what the reply acknowledges. */
  shown: { stage: SpinStage; quote: string } | null;
  /** The customer just turned down the offer of a person. */
  declinedOffer: boolean;
  /** Stage of the question to ask: the customer's stage, or the next one. */
  questionStage: SpinStage;
  /** Everything the business already sent in this conversation (bot and people). */
  sent: string[];
}

export interface Composed {
  reply: string;
  questionStage: SpinStage | null;
}

interface Context {
  book: Phrasebook;
  slots: Record<string, string>;
  team: boolean;
  sent: string[];
}

const wasSent = (ctx: Context, text: string) => ctx.sent.some((previous) => previous.includes(text));
const render = (ctx: Context, variants: Variants) => fill(pick(variants, ctx.team), ctx.slots);

/** The first wording not sent yet, starting at a point that moves with the conversation. */
function fresh(ctx: Context, options: readonly Variants[]): string | null {
  const start = ctx.sent.length % Math.max(options.length, 1);
  const rotated = [...options.slice(start), ...options.slice(0, start)];
  return rotated.map((variants) => render(ctx, variants)).find((text) => !wasSent(ctx, text)) ?? null;
}

/** The wordings to try for a stage, best first. */
function questionPools(book: Phrasebook, input: ComposeInput, stage: SpinStage): Variants[][] {
  if (stage !== "need_payoff") return [book.questions[stage]];
  // At need-payoff the question is the offer of a person, unless the customer just said no to one.
  const offerFirst = input.stage === "need_payoff" && !input.declinedOffer;
  return offerFirst ? [book.offers, book.questions.need_payoff] : [book.questions.need_payoff, book.offers];
}

/** One question of the wanted stage never asked before; a later stage when those ran out, never an earlier one. */
function question(ctx: Context, input: ComposeInput): Composed | null {
  for (const stage of SPIN_ORDER.slice(stageIndex(input.questionStage))) {
    for (const pool of questionPools(ctx.book, input, stage)) {
      const text = fresh(ctx, pool);
      if (text !== null) return { reply: text, questionStage: stage };
    }
  }
  return null;
}

function intentAnswer(ctx: Context, input: ComposeInput, persona: ReturnType<typeof readPersona>): string | null {
  switch (input.intent) {
    case "price":
      return input.knowledge.priceAnswer.trim() || render(ctx, ctx.book.priceUnknown);
    case "faq":
      return input.faq?.answer ?? render(ctx, ctx.book.faqUnknown);
    case "is_bot":
      return render(ctx, persona.name ? ctx.book.isBot.named : ctx.book.isBot.anonymous);
    default:
      return null;
  }
}

function acknowledgement(ctx: Context, input: ComposeInput): string | null {
  if (input.shown) {
    const term = mirrorTerm(input.shown.quote, input.language);
    if (term !== "") return fresh(ctx, ctx.book.acks[input.shown.stage].map((template) => fill(template, { term })));
  }
  if (input.declinedOffer) return fresh(ctx, ctx.book.declined);
  return input.intent === null ? fresh(ctx, ctx.book.plainAcks) : null;
}

/** The bot's first words in a conversation ("Oi! Aqui é a Ana."). */
export function introFor(knowledge: AgentKnowledge, language: Language): string {
  const book = PHRASEBOOKS[language];
  const persona = readPersona(knowledge.persona);
  const slots = { ...productSlots(knowledge.productName, language), nome: persona.name ?? "", artigo: persona.article };
  return fill(persona.name ? book.intro.named : book.intro.anonymous, slots);
}

/**
 * The bot's reply: on its first message an introduction, then the answer to what was asked (price,
 * a question, who is writing), a few words mirroring the customer, and exactly one new question.
 */
export function composeReply(input: ComposeInput): Composed {
  const book = PHRASEBOOKS[input.language];
  const persona = readPersona(input.knowledge.persona);
  const slots = { ...productSlots(input.knowledge.productName, input.language), nome: persona.name ?? "", artigo: persona.article };
  const ctx: Context = { book, slots, team: input.team, sent: input.sent };
  const first = input.sent.length === 0 && input.intent !== "is_bot";
  const intro = first ? introFor(input.knowledge, input.language) : null;
  const asked = question(ctx, input);
  const closing = asked ? null : fresh(ctx, book.closings);
  const parts = [intro, intentAnswer(ctx, input, persona), acknowledgement(ctx, input), asked?.reply ?? closing];
  return { reply: parts.filter((part): part is string => Boolean(part)).join(" "), questionStage: asked?.questionStage ?? null };
}

/** The question stage that follows the customer: answered here, move on; otherwise stay. */
export function nextQuestionStage(stage: SpinStage, showedStageNow: boolean): SpinStage {
  return showedStageNow ? stageAfter(stage) : stage;
}

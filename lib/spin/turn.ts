import { composeReply, nextQuestionStage } from "./compose";
import { stagesShown, type StageShown } from "./evidence";
import { asksForService, detectIntent, type IntentFound } from "./intents";
import type { AgentKnowledge } from "./knowledge";
import { detectLanguage } from "./language";
import { knowledgeWithHours, type OpeningHours } from "./opening";
import { PHRASEBOOKS, pick } from "./replies";
import { answeredStage, isOffer, lastBusinessTurn, speaksForTeam } from "./reading";
import { furthestStage, SPIN_ORDER, stageIndex, type ChatTurn, type Intent, type Language, type SpinStage } from "./types";

export interface TurnInput {
  /** The conversation before the messages being answered, oldest first: customer, bot and people. */
  history: ChatTurn[];
  /** The customer's messages to answer now, oldest first: one burst (usually one message). */
  incoming: string[];
  /** The conversation's stage before these messages. */
  stage: SpinStage;
  /** A person took over (handoff, or the bot turned off): the bot stays silent. */
  handedOff: boolean;
  /** The contact opted out: the bot never writes again. */
  optedOut: boolean;
  knowledge: AgentKnowledge;
  /** The agent's fixed reply language; when absent, the customer's. */
  language?: Language;
  /** The language when the customer's words do not tell ("ok", "STOP"). */
  defaultLanguage?: Language;
  /** The organization's business hours, when it set them: the hours answer and the "we are closed" notice. */
  opening?: OpeningHours;
}

/** A stage the conversation passed this turn, with the customer's words that showed it. */
export type StagePassed = StageShown;

export interface TurnDecision {
  stage: SpinStage;
  /** Every stage newly reached, in order (situation → problem → implication), each with its words. */
  stagesPassed: StagePassed[];
  /** Every stage this turn's words showed, newly reached or not (e.g. the situation words of a first message). */
  shown: StageShown[];
  intent: Intent | null;
  /** The SPIN stage of the question asked; null when the reply asks none or there is no reply. */
  questionStage: SpinStage | null;
  /** What the bot sends; null when it stays silent. */
  reply: string | null;
  /** A person must take over now. */
  handoff: boolean;
  /** The contact asked never to be written to again (now or before). */
  optOut: boolean;
  language: Language;
}

function replyLanguage(input: TurnInput): Language {
  if (input.language) return input.language;
  const said = [...input.history.filter((turn) => turn.author === "customer").map((turn) => turn.text), ...input.incoming];
  // The latest words weigh most: a customer who switches language is answered in the new one.
  const latest = detectLanguage(input.incoming.join("\n"), "pt");
  const overall = detectLanguage(said.slice(-6).join("\n"), input.defaultLanguage ?? "pt");
  return detectLanguage(input.incoming.join("\n"), overall) === latest ? latest : overall;
}

/** The burst's intent: the one whose behaviour matters most (INTENT priority order in intents.ts). */
function burstIntent(messages: string[], detect: (text: string) => IntentFound): IntentFound {
  const found = messages.map(detect).filter((entry) => entry.intent !== null);
  const rank = (intent: Intent | null) => (["opt_out", "human", "is_bot", "price", "faq", "greeting"] as Intent[]).indexOf(intent!);
  found.sort((a, b) => rank(a.intent) - rank(b.intent));
  return found[0] ?? { intent: null, faq: null };
}

// Marks a stage shown by answering the bot's question rather than by cue words.
const ANSWER_CUE = "answer to the question";

function burstEvidence(messages: string[], intent: Intent | null, history: ChatTurn[]): StageShown[] {
  const questionAsked = intent !== null && intent !== "greeting";
  const shown = messages.flatMap((text) => {
    const found = stagesShown(text, { skip: (clause) => asksForService(clause.text) || (questionAsked && clause.question) });
    const answered = found.length === 0 && intent === null ? answeredStage(text, history) : null;
    return answered ? [{ stage: answered, quote: text.trim(), cues: [ANSWER_CUE] }] : found;
  });
  // Per stage, the first words that showed it.
  return SPIN_ORDER.flatMap((stage) => shown.find((entry) => entry.stage === stage) ?? []);
}

function passedBetween(from: SpinStage, to: SpinStage, shown: StageShown[]): StagePassed[] {
  const furthest = shown.at(-1);
  return SPIN_ORDER.slice(stageIndex(from) + 1, stageIndex(to) + 1).map(
    (stage) => shown.find((entry) => entry.stage === stage) ?? { stage, quote: furthest?.quote ?? "", cues: [] },
  );
}

/** The fixed short message of a handoff or an opt-out: no question in it. */
export function serviceReply(language: Language, team: boolean, which: "handoff" | "optOut"): string {
  return pick(PHRASEBOOKS[language][which], team);
}

/**
 * The rule engine for one turn of a stored conversation: the stage the customer's own words have
 * reached (never back), the intent, and the reply, or silence after a handoff or an opt-out.
 */
export function decideTurn(input: TurnInput): TurnDecision {
  const language = replyLanguage(input);
  const knowledge = knowledgeWithHours(input.knowledge, input.opening, language);
  const lastBusiness = lastBusinessTurn(input.history);
  const offered = lastBusiness?.author === "bot" && isOffer(lastBusiness.text);
  const found = burstIntent(input.incoming, (text) => detectIntent(text, { knowledge, offeredHandoff: offered }));
  const shown = burstEvidence(input.incoming, found.intent, input.history);
  const reached = shown.at(-1)?.stage;
  const stage = reached ? furthestStage(input.stage, reached) : input.stage;
  const team = speaksForTeam([...input.history.filter((turn) => turn.author === "customer").map((turn) => turn.text), ...input.incoming]);
  const base = { stage, stagesPassed: passedBetween(input.stage, stage, shown), shown, intent: found.intent, language };
  const silent = { ...base, questionStage: null, reply: null, handoff: false, optOut: input.optedOut };
  if (input.optedOut || input.incoming.length === 0) return silent;
  if (found.intent === "opt_out") return { ...silent, optOut: true, reply: input.handedOff ? null : serviceReply(language, team, "optOut") };
  if (input.handedOff) return silent;
  if (found.intent === "human") return { ...silent, handoff: true, reply: serviceReply(language, team, "handoff") };
  const showedNow = reached !== undefined && stageIndex(reached) >= stageIndex(stage);
  const composed = composeReply({
    language,
    team,
    knowledge,
    intent: found.intent,
    faq: found.faq,
    stage,
    // A bare "sim" or "uns 10" is acknowledged plainly, not mirrored back.
    shown: showedNow && shown.at(-1)!.cues[0] !== ANSWER_CUE ? shown.at(-1)! : null,
    declinedOffer: offered && found.intent === null,
    questionStage: nextQuestionStage(stage, showedNow),
    sent: input.history.filter((turn) => turn.author !== "customer").map((turn) => turn.text),
  });
  return { ...silent, ...composed };
}

import type { AgentKnowledge } from "./knowledge";
import { INTENTS, SPIN_ORDER, type ChatTurn, type Language, type SpinStage } from "./types";

export type { ChatAuthor, ChatTurn } from "./types";

export interface ModelRequest {
  /** The conversation's stage before the new messages. */
  stage: SpinStage;
  /** The conversation before the new messages, oldest first. */
  history: ChatTurn[];
  /** The customer's messages to answer now. */
  incoming: string[];
  knowledge: AgentKnowledge;
  language: Language;
  /** The customer speaks for a team ("vocês") rather than for themselves ("você"). */
  team: boolean;
}

interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

// Long chats only cost tokens: the latest turns carry what the next reply needs.
export const MAX_HISTORY_TURNS = 20;
/** What one turn may bring to the model, and the whole conversation: a pasted novel costs nothing. */
export const MAX_TURN_CHARS = 1_000;
export const MAX_HISTORY_CHARS = 8_000;

const capped = (text: string) => (text.length > MAX_TURN_CHARS ? `${text.slice(0, MAX_TURN_CHARS)}…` : text);

/** The latest turns that fit the history budget, oldest first; the newest turn is always kept. */
function withinBudget(turns: ChatTurn[]): ChatTurn[] {
  const kept: ChatTurn[] = [];
  let used = 0;
  for (const turn of turns.slice(-MAX_HISTORY_TURNS).reverse()) {
    const text = capped(turn.text);
    if (kept.length > 0 && used + text.length > MAX_HISTORY_CHARS) break;
    kept.unshift({ ...turn, text });
    used += text.length;
  }
  return kept;
}

const LANGUAGE_NAMES: Record<Language, string> = { pt: "Brazilian Portuguese (WhatsApp style, short, no formal 'prezado')", en: "English" };

function knowledgeLines(knowledge: AgentKnowledge): string[] {
  const faq = knowledge.faq.map((entry) => `- Q: ${entry.question} A: ${entry.answer}`);
  return [
    `Persona (your name and tone): ${knowledge.persona}`,
    `Product: ${knowledge.productName || "(not named)"}${knowledge.productDescription ? `: ${knowledge.productDescription}` : ""}`,
    `Price answer: ${knowledge.priceAnswer || "(none: say a person from the team will send the details)"}`,
    `Business hours: ${knowledge.businessHours || "(unknown: say a person will confirm)"}`,
    ...(faq.length > 0 ? ["FAQ:", ...faq] : []),
  ];
}

const RULES = [
  "You are a sales assistant for this business on WhatsApp, using SPIN selling.",
  "SPIN stages, in order: situation (facts about the customer's current setup), problem (difficulties,",
  "dissatisfaction, wasted time), implication (consequences: lost sales/customers/orders/money, quantified",
  "losses, threats like 'if this goes on'), need_payoff (the value of solving it, wishes).",
  "stage = the furthest stage the customer's own words have shown in the whole conversation; never earlier",
  "than the current stage. One message can show several stages: take the furthest.",
  `intent: one of ${INTENTS.join(", ")} or null. price: answer with the price answer, then continue SPIN.`,
  "human (asks for a person, 'is anyone there?', or says yes to your offer of a specialist): one short",
  "message that a person will continue, no question, handoff true. opt_out (stop, not interested,",
  "remove me): one short confirmation, no question. is_bot: say honestly you are the business's virtual",
  "assistant, by the persona's name, then continue. faq: answer from the knowledge, or say a person will confirm.",
  "Otherwise: acknowledge the customer's words in a few words mirroring a key term, then ask exactly one",
  "question of the customer's stage or the next stage (questionStage), never an earlier stage, never a",
  "question already asked. At need_payoff, offer to bring in a specialist (accepting it is the human intent).",
];

export function systemPrompt(request: ModelRequest): string {
  return [
    ...RULES,
    ...knowledgeLines(request.knowledge),
    `The conversation is currently at stage: ${request.stage}.`,
    `Address the customer as ${request.team ? "a team ('vocês')" : "one person ('você')"}.`,
    `Write the reply in ${LANGUAGE_NAMES[request.language]}, at most two short sentences.`,
    `Answer with a JSON object only: {"stage": ${SPIN_ORDER.map((s) => `"${s}"`).join(" | ")},`,
    `"intent": ${INTENTS.map((i) => `"${i}"`).join(" | ")} | null, "questionStage": stage | null,`,
    '"reply": string, "handoff": boolean}.',
  ].join("\n");
}

/** A file the model cannot see is named, with its caption: "[voice message]", "[image] segue a planilha". */
function customerContent(turn: ChatTurn): string {
  if (turn.kind === undefined || turn.kind === "text") return turn.text;
  const label = `[${turn.kind === "audio" ? "voice message" : turn.kind}]`;
  return turn.text.trim() === "" ? label : `${label} ${turn.text}`;
}

/** The customer speaks as the user; the bot and the team's people both speak for the business. */
export function chatMessages(request: ModelRequest): ChatMessage[] {
  const turns: ChatTurn[] = [...request.history, ...request.incoming.map((text) => ({ author: "customer" as const, text }))];
  const messages = withinBudget(turns).map(
    (turn): ChatMessage =>
      turn.author === "customer"
        ? { role: "user", content: customerContent(turn) }
        : { role: "assistant", content: turn.author === "human" ? `[a person from the team] ${turn.text}` : turn.text },
  );
  return [{ role: "system", content: systemPrompt(request) }, ...messages];
}

import type { Language, SpinStage } from "./types";

export type ChatAuthor = "customer" | "bot" | "human";

export interface ChatTurn {
  author: ChatAuthor;
  text: string;
}

export interface ModelRequest {
  stage: SpinStage;
  /** The conversation so far, oldest first. */
  history: ChatTurn[];
  persona: string;
  product: string;
  language: Language;
}

interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

// Long chats only cost tokens: the latest turns carry what the next question needs.
export const MAX_HISTORY_TURNS = 20;

const LANGUAGE_NAMES: Record<Language, string> = { pt: "Brazilian Portuguese", en: "English" };

export function systemPrompt(request: ModelRequest): string {
  return [
    "You are a sales assistant chatting with a customer on WhatsApp using SPIN selling.",
    "SPIN stages, in order: situation (facts about the customer's current setup), problem",
    "(difficulties and dissatisfaction), implication (consequences and costs of those problems),",
    "need_payoff (the value of solving them; at this stage offer to hand over to a human specialist).",
    `Persona (your name and tone): ${request.persona}`,
    `Product you sell: ${request.product}`,
    `The conversation is currently at stage: ${request.stage}.`,
    "Decide which stage the conversation should now be in, then write the next reply: at most two",
    "short sentences, exactly one question, never repeating an earlier reply of yours.",
    `Write the reply in ${LANGUAGE_NAMES[request.language]}.`,
    'Answer with a JSON object only: {"stage": "situation" | "problem" | "implication" | "need_payoff",',
    '"confidence": number between 0 and 1, "reply": string}.',
  ].join("\n");
}

/** The customer speaks as the user; the bot and the human sellers both speak for the business. */
export function chatMessages(request: ModelRequest): ChatMessage[] {
  const turns = request.history.slice(-MAX_HISTORY_TURNS).map(
    (turn): ChatMessage => ({ role: turn.author === "customer" ? "user" : "assistant", content: turn.text }),
  );
  return [{ role: "system", content: systemPrompt(request) }, ...turns];
}

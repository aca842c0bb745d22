import { defaultKnowledge, type AgentKnowledge } from "./knowledge";
import { detectLanguage } from "./language";
import { decideTurn } from "./turn";
import type { ChatTurn, Intent, Language, SpinStage } from "./types";

export type ConversationStep = {
  /** This turn's customer message. */
  customer: string;
  /** The conversation's stage after this turn. */
  stage: SpinStage;
  /** The SPIN stage of the question the bot asked; null when it asked none. */
  questionStage: SpinStage | null;
  intent: Intent | null;
  /** What the bot sends; null when it stays silent (after a handoff or opt-out). */
  reply: string | null;
  /** A person must take over now. */
  handoff: boolean;
};

export interface ConversationOptions {
  persona?: string;
  product?: string;
  knowledge?: AgentKnowledge;
  language?: Language;
}

function knowledgeFor(customerTurns: string[], options: ConversationOptions): AgentKnowledge {
  const language = options.language ?? detectLanguage(customerTurns.slice(0, 3).join("\n"));
  const knowledge = options.knowledge ?? defaultKnowledge(language);
  return {
    ...knowledge,
    persona: options.persona ?? knowledge.persona,
    productName: options.product ?? knowledge.productName,
  };
}

/**
 * A whole conversation through exactly the rule engine the product runs (decideTurn): each
 * customer message is its own turn, and the bot's replies are fed back as history.
 */
export function runConversation(customerTurns: string[], options: ConversationOptions = {}): ConversationStep[] {
  const knowledge = knowledgeFor(customerTurns, options);
  const history: ChatTurn[] = [];
  let state = { stage: "situation" as SpinStage, handedOff: false, optedOut: false };
  return customerTurns.map((customer) => {
    const decision = decideTurn({ ...state, history: [...history], incoming: [customer], knowledge, defaultLanguage: options.language });
    history.push({ author: "customer", text: customer });
    if (decision.reply !== null) history.push({ author: "bot", text: decision.reply, questionStage: decision.questionStage });
    state = { stage: decision.stage, handedOff: state.handedOff || decision.handoff, optedOut: decision.optOut };
    const { stage, questionStage, intent, reply, handoff } = decision;
    return { customer, stage, questionStage, intent, reply, handoff };
  });
}

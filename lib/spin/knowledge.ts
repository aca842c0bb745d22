import type { Language } from "./types";

/** What the agent knows about the business: used by the rules and sent to the model. */
export interface AgentKnowledge {
  /** Who the bot is: "Sou a Júlia, da Loja X", "Você é a Júlia…" or just "Júlia". */
  persona: string;
  /** Short product name for sentence slots ("o {produto}"): "ZapCRM", not a paragraph. */
  productName: string;
  /** One line about the product, for the model's context only. */
  productDescription: string;
  /** Sent as-is when the customer asks the price; empty: a person will send the details. */
  priceAnswer: string;
  /** Opening hours as the customer should read them; empty: a person will confirm. */
  businessHours: string;
  faq: FaqEntry[];
}

export interface FaqEntry {
  question: string;
  answer: string;
}

/** Length caps, shared with the Convex validators so what is stored is what the engine expects. */
export const KNOWLEDGE_LIMITS = {
  persona: 300,
  productName: 40,
  productDescription: 160,
  priceAnswer: 400,
  businessHours: 200,
  faqEntries: 30,
  faqQuestion: 200,
  faqAnswer: 500,
} as const;

const DEFAULTS: Record<Language, AgentKnowledge> = {
  pt: {
    persona: "Sou a Ana, assistente de vendas.",
    productName: "",
    productDescription: "",
    priceAnswer: "",
    businessHours: "",
    faq: [],
  },
  en: {
    persona: "I'm Ana, a sales assistant.",
    productName: "",
    productDescription: "",
    priceAnswer: "",
    businessHours: "",
    faq: [],
  },
};

/** A new agent's knowledge, in the language of the UI that created it. */
export function defaultKnowledge(language: Language): AgentKnowledge {
  const base = DEFAULTS[language];
  return { ...base, faq: [...base.faq] };
}

/** Which fields exceed their cap (empty when the knowledge is storable). */
export function knowledgeProblems(knowledge: AgentKnowledge): string[] {
  const problems: string[] = [];
  const fields = ["persona", "productName", "productDescription", "priceAnswer", "businessHours"] as const;
  for (const field of fields) if (knowledge[field].length > KNOWLEDGE_LIMITS[field]) problems.push(field);
  if (knowledge.faq.length > KNOWLEDGE_LIMITS.faqEntries) problems.push("faq");
  knowledge.faq.forEach((entry, i) => {
    if (entry.question.length > KNOWLEDGE_LIMITS.faqQuestion) problems.push(`faq.${i}.question`);
    if (entry.answer.length > KNOWLEDGE_LIMITS.faqAnswer) problems.push(`faq.${i}.answer`);
  });
  return problems;
}

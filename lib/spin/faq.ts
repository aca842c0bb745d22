import { compileCue, cueMatches } from "./cues";
import type { AgentKnowledge } from "./knowledge";
import { normalizeTokens } from "./normalize";

/** A question about the business (not about the customer's situation) and what answers it. */
export interface FaqMatch {
  /** The knowledge's answer, or null when the knowledge has none and a person must confirm. */
  answer: string | null;
}

const compileAll = (labels: string[]) => labels.map((label) => compileCue(label, 0));

const HOURS = compileAll([
  "horario*", "que horas", "abre", "abrem", "aberto", "aberta", "fecha", "fecham", "sabado", "domingo",
  "feriado*", "fim de semana", "funcionamento", "open", "opening", "hours", "close", "closing", "sunday*",
  "saturday*", "weekend*", "holiday*",
]);

// Logistics and terms customers ask a shop about before or while buying.
const LOGISTICS = compileAll([
  "entrega*", "entregam", "frete", "envia*", "enviam", "envio", "endereco", "onde fica*", "onde voces",
  "localiza*", "pix", "cartao", "boleto", "parcel*", "pagamento", "nota fiscal", "garantia", "troca*",
  "devoluc*", "teste gratis", "gratis", "contrato", "fidelidade", "cancel*", "integra*", "suporte",
  "aplicativo", "deliver*", "ship*", "where are you", "located", "address", "payment", "card", "invoice",
  "warranty", "refund*", "return*", "free trial", "trial", "contract", "integrat*", "support", "app",
]);

// "vcs também atendem clínica?", "do you ship…": a question addressed to the business.
const TO_BUSINESS = compileAll([
  "voces tem", "voces fazem", "voces atendem", "voces aceitam", "voces trabalham", "voces vendem",
  "voces emitem", "voces oferecem", "voces _ atendem", "voces _ fazem", "voces _ trabalham", "voces _ vendem",
  "tem como", "da para", "do you have", "do you offer", "do you accept", "do you work", "do you sell",
  "do you support", "is there", "can i pay", "does it",
]);

const STOPWORDS = new Set([
  "o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "para",
  "por", "com", "que", "e", "ou", "se", "voce", "voces", "tem", "ter", "qual", "quais", "como", "quando",
  "onde", "quanto", "eu", "me", "meu", "minha", "isso", "esse", "essa", "ai", "tambem", "ja", "mais", "faz",
  "fazem", "sim", "nao", "the", "you", "do", "does", "is", "are", "there", "can", "i", "we", "to", "of",
  "in", "on", "for", "a", "an", "and", "or", "your", "it", "what", "which", "how", "when", "where", "any",
  "gente", "entre", "sobre", "depois", "quiser", "quero", "want",
]);

// Inflections share their first letters: "entregam"/"entregas", "cancelar"/"cancelamento".
const keyOf = (token: string) => (token.length >= 6 ? token.slice(0, 6) : token);

function keysOf(text: string): Set<string> {
  const tokens = [...normalizeTokens(text, "pt"), ...normalizeTokens(text, "en")];
  return new Set(tokens.filter((token) => token.length >= 3 && !STOPWORDS.has(token)).map(keyOf));
}

const QUESTION_OPENERS = new Set([
  "qual", "quais", "quanto", "quando", "onde", "como", "tem", "voces", "voce", "aceitam", "entregam", "abrem",
  "do", "does", "is", "are", "can", "what", "where", "when", "how", "which", "any",
]);

// Chat questions often open with a filler: "e qual o horário…", "mas vcs entregam…", "and how much…".
const FILLERS = new Set(["e", "mas", "ah", "ok", "entao", "tipo", "so", "and", "but", "also", "oh"]);

export function looksLikeQuestion(text: string): boolean {
  if (text.includes("?")) return true;
  const tokens = normalizeTokens(text, "pt");
  const first = tokens.find((token) => !FILLERS.has(token)) ?? "";
  return QUESTION_OPENERS.has(first);
}

function bestEntry(text: string, knowledge: AgentKnowledge): string | null {
  const asked = keysOf(text);
  let best: { answer: string; score: number } | null = null;
  for (const entry of knowledge.faq) {
    const shared = [...keysOf(entry.question)].filter((key) => asked.has(key)).length;
    if (shared > 0 && (best === null || shared > best.score)) best = { answer: entry.answer, score: shared };
  }
  return best?.answer ?? null;
}

const matchesAny = (cues: ReturnType<typeof compileAll>, tokens: string[]) => cues.some((cue) => cueMatches(cue, tokens));

/** The answer to a question about the business, from the agent's knowledge; null if it is no such question. */
export function matchFaq(text: string, knowledge: AgentKnowledge): FaqMatch | null {
  if (!looksLikeQuestion(text)) return null;
  const entry = bestEntry(text, knowledge);
  if (entry !== null) return { answer: entry };
  const tokens = [...normalizeTokens(text, "pt"), "|", ...normalizeTokens(text, "en")];
  if (matchesAny(HOURS, tokens)) return { answer: knowledge.businessHours.trim() || null };
  if (matchesAny(LOGISTICS, tokens) || matchesAny(TO_BUSINESS, tokens)) return { answer: null };
  return null;
}

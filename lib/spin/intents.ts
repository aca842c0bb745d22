import { splitClauses } from "./clauses";
import { compileCue, cueMatches, type Cue } from "./cues";
import { looksLikeQuestion, matchFaq, type FaqMatch } from "./faq";
import { GREETING_CLAUSES, GREETING_OPENERS, GREETING_WHOLE, INTENT_CUES } from "./intent-cues";
import type { AgentKnowledge } from "./knowledge";
import { normalizeBase, normalizeTokens } from "./normalize";
import type { Intent } from "./types";

export interface IntentContext {
  knowledge: AgentKnowledge;
  /** The bot's last message offered to bring in a person: a "yes" now means the human intent. */
  offeredHandoff: boolean;
}

export interface IntentFound {
  intent: Intent | null;
  /** For `faq`: the answer found (null when a person must confirm). */
  faq: FaqMatch | null;
}

type ServiceIntent = keyof typeof INTENT_CUES;
const compiled = (labels: string[] = []) => labels.map((label) => compileCue(label, 0));
const PHRASES = Object.fromEntries(
  Object.entries(INTENT_CUES).map(([intent, source]) => [intent, compiled(source.phrases)]),
) as Record<ServiceIntent, Cue[]>;
const ASKED = Object.fromEntries(
  Object.entries(INTENT_CUES).map(([intent, source]) => [intent, compiled(source.asked)]),
) as Record<ServiceIntent, Cue[]>;

const REQUEST = /\b(me passa|me manda|manda|me fala|me diz|saber|send|tell me|know)\b/;

/** The message read both ways (chats mix the languages), and as a whole. */
function readings(text: string): { tokens: string[]; whole: string[] } {
  const pt = normalizeTokens(text, "pt");
  const en = normalizeTokens(text, "en");
  return { tokens: [...pt, "|", ...en], whole: [pt.join(" "), en.join(" ")] };
}

function says(intent: ServiceIntent, text: string): boolean {
  const { tokens, whole } = readings(text);
  if (PHRASES[intent].some((cue) => cueMatches(cue, tokens))) return true;
  const asking = looksLikeQuestion(text) || REQUEST.test(whole[0]) || REQUEST.test(whole[1]);
  if (asking && ASKED[intent].some((cue) => cueMatches(cue, tokens))) return true;
  return (INTENT_CUES[intent].whole ?? []).some((phrase) => whole.includes(phrase));
}

const AFFIRMATIVE = /^(sim|s|pode|podemos|claro|quero|ok|okay|blz|beleza|bora|vamos|manda|isso|com certeza|certo|fechado|perfeito|top|show|chama|por favor|yes|yeah|yep|yup|sure|please|go ahead|sounds good|of course|definitely|absolutely|great)\b/;
const NEGATIVE = /\b(nao|agora nao|depois|talvez|no|nope|not now|later|maybe)\b/;

/** "sim, pode chamar", "yes please": accepting what the bot just offered. */
function accepts(text: string): boolean {
  const base = normalizeTokens(text, "pt").join(" ");
  return AFFIRMATIVE.test(base) && !NEGATIVE.test(base);
}

function greets(text: string): boolean {
  const whole = normalizeBase(text);
  if (GREETING_WHOLE.includes(whole)) return true;
  const first = normalizeTokens(splitClauses(text)[0]?.text ?? "", "pt").join(" ");
  if (/^oi+e?$/.test(first.split(" ")[0] ?? "") || GREETING_CLAUSES.includes(first)) return true;
  return GREETING_OPENERS.some((opener) => first === opener || first.startsWith(`${opener} `));
}

/** A clause that asks for a service (opt-out, a person, who is writing, the price): it shows no SPIN stage. */
export function asksForService(text: string): boolean {
  return (["opt_out", "human", "is_bot", "price"] as const).some((intent) => says(intent, text));
}

/**
 * The customer's intent besides SPIN content. When a message carries several, the one whose
 * behaviour matters most wins: opt-out, then a person, then who is writing, price, a question, a greeting.
 */
export function detectIntent(text: string, context: IntentContext): IntentFound {
  const none = { intent: null, faq: null };
  if (says("opt_out", text)) return { ...none, intent: "opt_out" };
  if (says("human", text) || (context.offeredHandoff && accepts(text))) return { ...none, intent: "human" };
  if (says("is_bot", text)) return { ...none, intent: "is_bot" };
  if (says("price", text)) return { ...none, intent: "price" };
  const faq = matchFaq(text, context.knowledge);
  if (faq) return { intent: "faq", faq };
  return greets(text) ? { ...none, intent: "greeting" } : none;
}

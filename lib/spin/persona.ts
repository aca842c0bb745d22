import type { Language } from "./types";

export type Tone = "formal" | "casual";

export interface PersonaTraits {
  /** The name the bot introduces itself with, when the persona gives one. */
  name: string | null;
  /** The article Portuguese puts before the name ("a Júlia", "o Pedro"). */
  article: "a" | "o";
  tone: Tone;
}

// Personas are free text ("Você é a Júlia, consultora…", "Sou a Ana", "I'm Joe", "Júlia"); only
// an introduction or a leading name is taken. The name itself must be capitalized, as names are.
const INTRODUCTION =
  /(?:^|[\s,.;!])(?:i am|i'm|im|my name is|this is|you are|you're|your name is|sou|eu sou|me chamo|meu nome [eé]|seu nome [eé]|voc[eê] [eé]|vc [eé])\s+(?:(a|o|the)\s+)?(\S+)/giu;
const LEADING_NAME = /^(\p{Lu}\p{Ll}+)\s*(?:[,.;:!–—-]|$)/u;
const CAPITALIZED = /^\p{Lu}\p{Ll}+$/u;
// Capitalized words that open many personas ("Friendly", "Assistente", "Uma") are not names.
const NOT_NAMES = new Set([
  "friendly", "formal", "direct", "warm", "casual", "concise", "polite", "professional", "helpful", "a",
  "an", "the", "assistant", "direto", "direta", "simpático", "simpática", "amigável", "objetivo", "objetiva",
  "educado", "educada", "assistente", "consultora", "consultor", "atendente", "vendedora", "vendedor",
  "uma", "um", "sales",
]);

const FORMAL = /formal|professional|profissional|s[eé]ri[oa]|serious|polite|educad/i;

interface NameFound {
  name: string;
  article: string | null;
}

function candidatesOf(persona: string): NameFound[] {
  const found = [...persona.matchAll(INTRODUCTION)].map((match): NameFound => ({
    name: match[2].replace(/[^\p{L}]+$/u, ""),
    article: match[1] === undefined ? null : match[1].toLowerCase(),
  }));
  const leading = LEADING_NAME.exec(persona)?.[1];
  if (leading) found.push({ name: leading, article: null });
  return found;
}

// Without an article in the persona, Portuguese names ending in "a" are usually feminine.
function articleFor(found: NameFound): "a" | "o" {
  if (found.article === "a" || found.article === "o") return found.article;
  return /a$/i.test(found.name) ? "a" : "o";
}

export function readPersona(persona: string): PersonaTraits {
  const text = persona.trim();
  const tone = FORMAL.test(text) ? "formal" : "casual";
  const found = candidatesOf(text).find((c) => CAPITALIZED.test(c.name) && !NOT_NAMES.has(c.name.toLowerCase()));
  return found ? { name: found.name, article: articleFor(found), tone } : { name: null, article: "a", tone };
}

const GENERIC_PRODUCT: Record<Language, string> = { pt: "nossa solução", en: "our solution" };
// A pasted paragraph ("CRM para pequenas empresas…, a partir de R$ 99/mês") keeps its first phrase.
const MAX_PRODUCT_WORDS = 4;

function looksLikeBrand(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1)) || /^\p{Lu}{2,}$/u.test(word);
}

/** A short product name for sentence slots, or "" when none can be read from the text. */
export function shortProductName(product: string): string {
  const first = product.trim().split(/[,.;:!?()\n–—]|\s-\s/u)[0]?.trim() ?? "";
  const words = first.split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words.length <= MAX_PRODUCT_WORDS) return looksLikeBrand(words[0]) ? first : first[0].toLowerCase() + first.slice(1);
  return looksLikeBrand(words[0]) ? words[0] : "";
}

/** Product slots for templates: "{produto}", "{o_produto}", "{do_produto}" in Portuguese. */
export function productSlots(product: string, language: Language): Record<string, string> {
  const name = shortProductName(product);
  if (language === "en") return { produto: name || GENERIC_PRODUCT.en, o_produto: name || GENERIC_PRODUCT.en };
  if (name === "") return { produto: GENERIC_PRODUCT.pt, o_produto: `a ${GENERIC_PRODUCT.pt}`, do_produto: `da ${GENERIC_PRODUCT.pt}` };
  return { produto: name, o_produto: `o ${name}`, do_produto: `do ${name}` };
}

import type { Language } from "./types";

export type Tone = "formal" | "casual";

export interface PersonaTraits {
  /** The name the bot introduces itself with, when the persona gives one. */
  name: string | null;
  tone: Tone;
}

// Personas are free text ("Ana, consultora simpática", "I'm Joe, formal and brief",
// "A friendly, concise sales assistant..."); only a leading name or an explicit one is taken.
// A self-introduction ("I'm Joe", "sou a Ana") is found case-insensitively; the name itself
// must be capitalized, as names are written.
const INTRODUCTION = /\b(?:i am|i'm|my name is|this is|sou(?: a| o)?|eu sou(?: a| o)?|me chamo|meu nome [eé])\s+(\S+)/giu;
const LEADING_NAME = /^(\p{Lu}\p{Ll}+)\s*(?:[,–—-]|$)/u;
const CAPITALIZED = /^\p{Lu}\p{Ll}+$/u;
// Capitalized tone words that open many personas ("Friendly", "Simpática, ...") are not names.
const TONE_WORDS = new Set([
  "friendly", "formal", "direct", "warm", "casual", "concise", "polite", "professional", "helpful",
  "direto", "direta", "simpático", "simpática", "amigável", "objetivo", "objetiva", "educado", "educada",
]);

const FORMAL = /formal|professional|profissional|s[eé]ri[oa]|serious|polite|educad/i;

function nameOf(persona: string): string | null {
  const candidates = [...persona.matchAll(INTRODUCTION)].map((match) => match[1].replace(/[^\p{L}]+$/u, ""));
  const leading = LEADING_NAME.exec(persona)?.[1];
  if (leading) candidates.push(leading);
  return candidates.find((word) => CAPITALIZED.test(word) && !TONE_WORDS.has(word.toLowerCase())) ?? null;
}

export function readPersona(persona: string): PersonaTraits {
  const text = persona.trim();
  return { name: nameOf(text), tone: FORMAL.test(text) ? "formal" : "casual" };
}

const GENERIC_PRODUCT: Record<Language, string> = { pt: "a nossa solução", en: "our solution" };

/**
 * The product as it reads mid-sentence: trimmed, without a final period, and with a capital
 * first letter lowered unless the word looks like a brand or acronym ("CRM", "SpinDesk").
 */
export function productPhrase(product: string, language: Language): string {
  const text = product.trim().replace(/[.!;,\s]+$/u, "");
  if (text === "") return GENERIC_PRODUCT[language];
  const firstWord = text.split(/\s/)[0];
  const looksLikeBrand = /\p{Lu}/u.test(firstWord.slice(1));
  return looksLikeBrand ? text : text[0].toLowerCase() + text.slice(1);
}

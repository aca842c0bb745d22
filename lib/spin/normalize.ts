import { expandAbbreviation } from "./abbreviations";
import type { Language } from "./types";

/**
 * Lowercase, accent-free, punctuation- and emoji-free text with single spaces. Apostrophes are
 * dropped rather than split so "what's" reads like the chat spelling "whats".
 */
export function normalizeBase(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/['’`´]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/([a-z])\1{2,}/g, "$1")
    .trim();
}

/** Words of the normalized text with chat abbreviations expanded for the given language. */
export function normalizeTokens(text: string, language: Language): string[] {
  const base = normalizeBase(text);
  if (base === "") return [];
  return base
    .split(" ")
    .flatMap((token) => expandAbbreviation(token, language).split(" "));
}

/** The normalized, abbreviation-expanded text as one string. */
export function normalizeText(text: string, language: Language = "pt"): string {
  return normalizeTokens(text, language).join(" ");
}

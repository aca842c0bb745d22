import { startsWithinOneEdit, withinOneEdit } from "./fuzzy";
import { normalizeBase } from "./normalize";

/**
 * A cue is a phrase of space-separated parts: a word ("planilha"), a stem ending in "*"
 * ("reclam*"), "_" for any one word, or "#" for a number ("# vendedores").
 */
type Part =
  | { kind: "word"; text: string }
  | { kind: "stem"; text: string }
  | { kind: "any" }
  | { kind: "number" };

export interface Cue {
  label: string;
  weight: number;
  parts: Part[];
}

// Shorter words are forgiven no typo: one edit turns "caro" into "cara" and "hard" into "card".
const MIN_FUZZY_LENGTH = 6;

// An edit at either end is usually another word or an inflection ("quanto" vs "quantos"), not a
// slip of the thumb, so a forgiven typo must keep the first and last letters.
function isTypoOf(token: string, word: string): boolean {
  return token[0] === word[0] && token.at(-1) === word.at(-1) && withinOneEdit(token, word);
}

const NUMBER_WORDS = new Set([
  "um", "uma", "dois", "duas", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
  "vinte", "trinta", "cem", "mil", "one", "two", "three", "four", "five", "six", "seven", "eight",
  "nine", "ten", "twenty", "thirty", "hundred", "thousand", "dozen",
]);

function compilePart(raw: string): Part {
  if (raw === "_") return { kind: "any" };
  if (raw === "#") return { kind: "number" };
  const text = normalizeBase(raw.replace(/\*$/, ""));
  return raw.endsWith("*") ? { kind: "stem", text } : { kind: "word", text };
}

export function compileCue(label: string, weight: number): Cue {
  return { label, weight, parts: label.split(" ").map(compilePart) };
}

function partMatches(part: Part, token: string): boolean {
  switch (part.kind) {
    case "any":
      return true;
    case "number":
      return /^\d/.test(token) || NUMBER_WORDS.has(token);
    case "word":
      return part.text.length >= MIN_FUZZY_LENGTH ? isTypoOf(token, part.text) : token === part.text;
    case "stem":
      if (part.text.length < MIN_FUZZY_LENGTH) return token.startsWith(part.text);
      return token[0] === part.text[0] && startsWithinOneEdit(token, part.text);
  }
}

/** Whether the cue occurs as a run of consecutive tokens. */
export function cueMatches(cue: Cue, tokens: readonly string[]): boolean {
  const last = tokens.length - cue.parts.length;
  for (let start = 0; start <= last; start++) {
    if (cue.parts.every((part, offset) => partMatches(part, tokens[start + offset]))) return true;
  }
  return false;
}

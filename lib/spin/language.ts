import { normalizeBase } from "./normalize";
import type { Language } from "./types";

// Function words and chat fillers that rarely occur in the other language ("a", "no", "so"
// and "me" are left out: both languages use them).
const PT_MARKERS = new Set([
  "que", "q", "de", "do", "da", "dos", "das", "pra", "para", "pro", "com", "nao", "n", "voce", "voces",
  "vc", "vcs", "um", "uma", "os", "e", "tem", "isso", "esse", "essa", "gente", "eu", "meu", "minha",
  "nosso", "nossa", "na", "nos", "em", "por", "mais", "muito", "mt", "mto", "ta", "ja", "se", "quando",
  "como", "qual", "quanto", "oi", "ola", "obrigado", "obrigada", "valeu", "vlw", "blz", "beleza", "bom",
  "boa", "dia", "tarde", "noite", "tudo", "td", "k", "kk", "sim", "hoje", "hj", "sao", "o", "ao",
  "pelo", "pela", "ou", "pq", "tambem", "tb", "tbm", "obg", "agora", "aqui", "ai", "gnt", "seria",
]);
const EN_MARKERS = new Set([
  "the", "you", "u", "your", "ur", "is", "are", "we", "to", "of", "and", "it", "its", "that", "what",
  "whats", "how", "do", "does", "did", "have", "has", "my", "our", "i", "im", "for", "with", "this", "be",
  "would", "can", "could", "will", "if", "there", "hi", "hello", "hey", "thanks", "thank", "thx", "bye",
  "good", "morning", "got", "sounds", "nice", "haha", "lol", "please", "pls", "plz", "at", "in", "on",
  "just", "get", "all", "not", "time", "open", "where", "when", "which", "who", "they", "them", "yes",
  "was", "were", "been", "an", "from", "about", "any", "much", "many", "id", "itd", "tbh", "dont",
]);

// Letters only Portuguese uses are strong evidence on their own.
const PT_LETTERS = /[ãõçâêôàáéíóú]/i;
const PT_LETTER_WEIGHT = 2;

/** The language of a chat text: English only when its markers outnumber Portuguese ones. */
export function detectLanguage(text: string, fallback: Language = "pt"): Language {
  let pt = PT_LETTERS.test(text) ? PT_LETTER_WEIGHT : 0;
  let en = 0;
  for (const token of normalizeBase(text).split(" ")) {
    if (PT_MARKERS.has(token)) pt++;
    if (EN_MARKERS.has(token)) en++;
  }
  if (pt === en) return fallback;
  return en > pt ? "en" : "pt";
}

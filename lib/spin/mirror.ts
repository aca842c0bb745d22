import type { Language } from "./types";

// Chat shorthand written out for display: the bot mirrors the customer's words, not their typing.
const DISPLAY: Record<string, string> = {
  vc: "você", vcs: "vocês", q: "que", msg: "mensagem", msgs: "mensagens", pq: "porque", tb: "também",
  tbm: "também", mt: "muito", mto: "muito", hj: "hoje", td: "tudo", n: "não", zap: "WhatsApp",
  whats: "WhatsApp", wpp: "WhatsApp", qdo: "quando", cel: "celular", ngm: "ninguém", mts: "muitos",
  mtas: "muitas", p: "pra", u: "you", ur: "your", bc: "because", thru: "through",
};

// Speaking back to the customer: their "meu" is the bot's "seu", their "perco" is "perder".
const SWAP: Record<Language, Record<string, string>> = {
  pt: {
    meu: "seu", minha: "sua", meus: "seus", minhas: "suas", nosso: "seu", nossa: "sua", nossos: "seus",
    nossas: "suas", comigo: "com você", vou: "vai", vamos: "vão", estou: "está", to: "tá", tô: "tá",
    perco: "perder", perdi: "perder", perdemos: "perder", uso: "usar", usamos: "usar", demoro: "demorar",
    demoramos: "demorar", esqueço: "esquecer", esqueco: "esquecer", esqueci: "esquecer", consigo: "conseguir",
    conseguimos: "conseguir", atendo: "atender", atendemos: "atender", recebo: "receber", recebemos: "receber",
    fico: "ficar", ficamos: "ficar", acabo: "acabar", acabamos: "acabar", preciso: "precisar",
    precisamos: "precisar", gasto: "gastar", gastamos: "gastar", anoto: "anotar", tive: "ter", tivemos: "ter",
    vendo: "vender", vendemos: "vender",
  },
  en: {
    my: "your", our: "your", i: "you", we: "you", me: "you", us: "you", "i'm": "you're", im: "you're",
    "we're": "you're", am: "are", "i've": "you've", "we've": "you've", myself: "yourself", ourselves: "yourselves",
  },
};

// Openers that carry no content of their own ("o pior é que…", "and…", "hoje eu…", "temos…").
const OPENER =
  /^(o pior (é|e) (que|q)|o problema (é|e) (que|q)|e a[ií]|a[ií]|e|mas|hoje( em dia)?|ent[aã]o|pq|porque|s[oó]|j[aá]|eu|n[oó]s|a gente|tipo|olha|cara|sim|ok|bom|ah|oh|acho (que|q)|tb|tamb[eé]m|temos|tenho|somos|sou|and|but|also|just|well|so|yeah|i|we|then)\s+/iu;
const DANGLING = new Set([
  "de", "do", "da", "com", "o", "a", "os", "as", "e", "para", "pra", "que", "em", "no", "na", "por", "the", "to",
  "of", "with", "and", "an", "ter", "have", "be", "is", "é", "ser", "because", "porque", "would", "that",
  "ia", "seria", "ne", "né",
]);
const MAX_WORDS = 7;

function displayWord(raw: string, shouting: boolean): string {
  const word = raw.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, "");
  const lower = word.toLowerCase();
  if (DISPLAY[lower] !== undefined) return DISPLAY[lower];
  return shouting ? lower : word;
}

/**
 * The customer's words as the bot can say them back, short: "perco muito tempo" → "perder muito
 * tempo", "MEU ATENDIMENTO É UMA BAGUNÇA" → "seu atendimento é uma bagunça".
 */
export function mirrorTerm(quote: string, language: Language): string {
  const shouting = quote === quote.toUpperCase() && /\p{Lu}{3}/u.test(quote);
  let text = quote.split(/\s+/).map((raw) => displayWord(raw, shouting)).filter((word) => word !== "").join(" ");
  for (let stripped = text.replace(OPENER, ""); stripped !== text && stripped.split(" ").length >= 2; stripped = text.replace(OPENER, "")) {
    text = stripped;
  }
  let words = text.split(" ").slice(0, MAX_WORDS).map((word) => SWAP[language][word.toLowerCase()] ?? word);
  while (words.length > 1 && DANGLING.has(words.at(-1)!.toLowerCase())) words = words.slice(0, -1);
  const term = words.join(" ");
  return term.length > 0 && /\p{Lu}/u.test(term[0]) && !/\p{Lu}/u.test(term.slice(1, 2)) ? term[0].toLowerCase() + term.slice(1) : term;
}

import { knownQuestions } from "./replies";
import { normalizeBase, normalizeTokens } from "./normalize";
import type { ChatTurn, SpinStage } from "./types";

/** The last message the business sent (bot or person), if any. */
export function lastBusinessTurn(history: readonly ChatTurn[]): ChatTurn | undefined {
  return history.findLast((turn) => turn.author !== "customer");
}

// An offer to bring in a person, in the rules' words or a model's: "Quer que eu chame um especialista…?"
const OFFER =
  /\b(cham(e|ar|o)|pass(e|ar|o)|conect(e|ar|o))\b.{0,50}\b(especialista|pessoa|algu[eé]m|consultor|vendedor|humano)|\b(bring in|connect you|ask someone|have a specialist|have someone|pass you|talk to a specialist)\b/i;

export function isOffer(text: string): boolean {
  return text.includes("?") && OFFER.test(text);
}

/** The SPIN stage of the question a business turn asked: stored with it, or recognized by its wording. */
export function askedStage(turn: ChatTurn): SpinStage | null {
  if (turn.questionStage !== undefined) return turn.questionStage;
  return knownQuestions().find((question) => turn.text.includes(question.text))?.stage ?? null;
}

const AFFIRMATIVE = /^(sim|s|claro|com certeza|demais|muito|bastante|com frequencia|sempre|direto|toda hora|yes|yeah|yep|definitely|absolutely|of course|totally|all the time|a lot|constantly)\b/;
const NEGATIVE = /\b(nao|nunca|no|never|not really|nope)\b/;
const QUANTITY = /\d|\b(uns|umas|varios|varias|muitos|muitas|dezenas|centenas|about|around|dozens|hundreds|many|several)\b/;

/**
 * The stage a short answer shows by answering the bot's last question: "sim, direto" to "Os
 * clientes já reclamaram?" shows a problem; "uns 10 por mês" to "quantos clientes já perdeu?"
 * shows an implication. Counting answers only measure losses; a yes agrees with any question.
 */
export function answeredStage(text: string, history: readonly ChatTurn[]): SpinStage | null {
  const last = lastBusinessTurn(history);
  if (!last || last.author !== "bot") return null;
  const asked = askedStage(last);
  const said = normalizeTokens(text, "pt").join(" ");
  if (asked === null || NEGATIVE.test(said)) return null;
  if (AFFIRMATIVE.test(said)) return asked;
  return asked === "implication" && QUANTITY.test(said) ? asked : null;
}

// First-person plural verbs that are only conversation ("vamos ver", "falamos amanhã").
const NOT_TEAM = new Set(["vamos", "falamos", "combinamos", "conversamos", "ultimos", "proximos", "minimos", "maximos", "otimos", "primos", "ramos", "animos"]);
const TEAM_WORDS = /\b(somos|nossa|nosso|nossas|nossos|a gente|nossa equipe|minha equipe|meu time|nosso time|meus vendedores|meus funcionarios)\b/;

/** Whether the customer speaks for a team ("somos", "nossa equipe", "a gente", "nós"): then "vocês". */
export function speaksForTeam(customerTexts: readonly string[]): boolean {
  return customerTexts.some((text) => {
    if (/\bn[óo]s\b/.test(text.toLowerCase()) && /\bnós\b/i.test(text)) return true;
    const base = normalizeTokens(text, "pt").join(" ");
    if (TEAM_WORDS.test(base)) return true;
    return normalizeBase(text).split(" ").some((word) => /^\w+(amos|emos|imos)$/.test(word) && !NOT_TEAM.has(word));
  });
}

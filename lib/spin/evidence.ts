import { splitClauses, type Clause } from "./clauses";
import { cueMatches } from "./cues";
import { detectLanguage } from "./language";
import { normalizeTokens } from "./normalize";
import { lossPhrase, STAGE_CUES } from "./stage-cues";
import { SPIN_ORDER, type Language, type SpinStage } from "./types";

/** A stage the customer's words showed, with the words that showed it (for the timeline). */
export interface StageShown {
  stage: SpinStage;
  /** The customer's clause, as written: "perdemos uns 20 pedidos". */
  quote: string;
  /** The cue phrases that matched, for a "details" view. */
  cues: string[];
}

// One medium cue, or two weak ones, is the least that shows a stage.
const MIN_SCORE = 2;
// Chats mix languages and short texts fool detection ("that's costing us"): the other language's
// cues still count, enough for a strong cue alone to show its stage.
const OTHER_LANGUAGE_FACTOR = 0.7;
const STRONG = 3;

type Scores = Record<SpinStage, { score: number; cues: string[] }>;

function emptyScores(): Scores {
  return Object.fromEntries(SPIN_ORDER.map((stage) => [stage, { score: 0, cues: [] as string[] }])) as Scores;
}

function add(scores: Scores, stage: SpinStage, weight: number, cue: string) {
  if (scores[stage].cues.includes(cue)) return;
  scores[stage].score += weight;
  scores[stage].cues.push(cue);
}

// A wish in the past subjunctive is the need-payoff shape: "se tivesse", "algo que respondesse",
// "adoraria que parassem de…".
const WISH_PT =
  /\b(?:se|(?:algo|alguma coisa|ferramenta|sistema|adoraria|gostaria|seria bom|seria otimo|ideal) que) (?:\w+ ){0,3}\w+(?:sse|ssem|ssemos)\b/;
// "acabo perdendo", "acaba desistindo": the consequence shape.
const ENDS_UP_PT = /\bacab\w* \w+ndo\b/;

function scoreRules(scores: Scores, tokens: string[], language: Language, factor: number) {
  const loss = lossPhrase(tokens, language, "business");
  if (loss) add(scores, "implication", STRONG * factor, loss);
  const lostTrack = lossPhrase(tokens, language, "track");
  if (lostTrack) add(scores, "problem", STRONG * factor, lostTrack);
  if (language !== "pt") return;
  const text = tokens.join(" ");
  if (WISH_PT.test(text) && !/\bse continua/.test(text)) add(scores, "need_payoff", STRONG * factor, "se …sse");
  if (ENDS_UP_PT.test(text)) add(scores, "implication", STRONG * factor, "acaba …ndo");
}

// Words that deny or only ask about a stage: "nenhum problema", "não seria útil", "seria bom saber o preço".
const NEUTRAL =
  /\b(nenhum|sem|nao tem|nao tenho|nao temos|no|not an?|any) (problemas?|dificuldades?|reclamac\w*|issues?|problems?|complaints?)\b|\bnao (seria|ajudaria|ia ajudar|mudaria|faria diferenca)\b|\b(seria bom|seria legal|seria otimo|gostaria de|queria|quero|would like to|want to) (saber|entender|know|understand)\b/g;

function scoreInto(scores: Scores, text: string, language: Language, factor: number) {
  const tokens = normalizeTokens(text, language).join(" ").replace(NEUTRAL, " ").split(" ").filter(Boolean);
  for (const stage of SPIN_ORDER) {
    for (const cue of STAGE_CUES[language][stage]) {
      if (cueMatches(cue, tokens)) add(scores, stage, cue.weight * factor, cue.label);
    }
  }
  scoreRules(scores, tokens, language, factor);
}

function scoreClause(text: string, primary: Language): Scores {
  const scores = emptyScores();
  scoreInto(scores, text, primary, 1);
  scoreInto(scores, text, primary === "pt" ? "en" : "pt", OTHER_LANGUAGE_FACTOR);
  return scores;
}

export interface EvidenceOptions {
  /** Clauses that carry no SPIN content (an opt-out, a question about delivery…). */
  skip?: (clause: Clause) => boolean;
}

/**
 * Every SPIN stage one customer message shows, in SPIN order, each with the clause that showed it:
 * "somos 4 vendedores, o whats é uma bagunça e já perdemos vendas" shows all of the first three.
 */
export function stagesShown(text: string, options: EvidenceOptions = {}): StageShown[] {
  const primary = detectLanguage(text);
  const clauses = splitClauses(text).filter((clause) => !options.skip?.(clause));
  const found = new Map<SpinStage, StageShown & { score: number }>();
  const consider = (quote: string, scores: Scores) => {
    for (const stage of SPIN_ORDER) {
      const { score, cues } = scores[stage];
      const best = found.get(stage);
      if (score >= MIN_SCORE && (!best || score > best.score)) found.set(stage, { stage, quote, cues, score });
    }
  };
  for (const clause of clauses) consider(clause.text, scoreClause(clause.text, primary));
  // Cues can span a boundary ("perco tempo e dinheiro"): the kept clauses together count too.
  const joined = clauses.map((clause) => clause.text).join(", ");
  if (clauses.length > 1) {
    const whole = scoreClause(joined, primary);
    for (const stage of SPIN_ORDER) if (found.has(stage)) whole[stage].score = 0;
    consider(joined, whole);
  }
  return SPIN_ORDER.filter((stage) => found.has(stage)).map((stage) => {
    const { quote, cues } = found.get(stage)!;
    return { stage, quote, cues };
  });
}

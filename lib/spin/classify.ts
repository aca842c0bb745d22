import { cueMatches } from "./cues";
import { detectLanguage } from "./language";
import { CATEGORIES, compileLexicon, type Category, type Lexicon } from "./lexicon";
import { EN_LEXICON } from "./lexicon-en";
import { PT_LEXICON } from "./lexicon-pt";
import { normalizeTokens } from "./normalize";
import type { Language, SpinStage } from "./types";

export interface SpinClassification {
  stage: SpinStage | null;
  confidence: number;
  cues: string[];
}

interface CategoryScore {
  category: Category;
  score: number;
  cues: string[];
}

const LEXICONS: Record<Language, Lexicon> = { pt: compileLexicon(PT_LEXICON), en: compileLexicon(EN_LEXICON) };

// Chats mix languages ("vcs fazem demo?") and detection can miss, so the other language's cues
// still count, at a discount.
const OTHER_LANGUAGE_FACTOR = 0.5;
// One medium cue is the least evidence that names a stage; a lone weak cue ("equipe") is not.
const MIN_STAGE_SCORE = 2;
// How quickly confidence approaches 1 as evidence piles up: one strong cue alone gives 0.6.
const SATURATION = 2;

function scoreInto(scores: Map<Category, CategoryScore>, lexicon: Lexicon, tokens: string[], factor: number) {
  for (const category of CATEGORIES) {
    const entry = scores.get(category)!;
    for (const cue of lexicon[category]) {
      if (!cueMatches(cue, tokens) || entry.cues.includes(cue.label)) continue;
      entry.score += cue.weight * factor;
      entry.cues.push(cue.label);
    }
  }
}

function scoreCategories(text: string): CategoryScore[] {
  const primary = detectLanguage(text);
  const other: Language = primary === "pt" ? "en" : "pt";
  const scores = new Map(CATEGORIES.map((category) => [category, { category, score: 0, cues: [] as string[] }]));
  scoreInto(scores, LEXICONS[primary], normalizeTokens(text, primary), 1);
  scoreInto(scores, LEXICONS[other], normalizeTokens(text, other), OTHER_LANGUAGE_FACTOR);
  return [...scores.values()];
}

/** Margin over the runner-up, scaled down while the evidence is thin; always within [0, 1]. */
function confidenceOf(best: number, runnerUp: number): number {
  if (best <= 0) return 0;
  const margin = (best - runnerUp) / best;
  const strength = best / (best + SATURATION);
  return Math.round(margin * strength * 100) / 100;
}

/**
 * Which SPIN stage a customer or seller message expresses, in Portuguese or English. Greetings,
 * thanks, small talk and logistics give `stage: null`. Ties go to the later stage: a wish to fix a
 * loss ("adoraria parar de perder cliente") names the loss too, yet it is the wish that counts.
 */
export function classifySpinStage(text: string): SpinClassification {
  const scores = scoreCategories(text);
  const none = scores.find((entry) => entry.category === "none")!;
  // Scores come in SPIN order; reversing first makes the stable sort break ties towards later stages.
  const stages = scores
    .filter((entry) => entry.category !== "none")
    .reverse()
    .sort((a, b) => b.score - a.score);
  const [best, second] = stages;
  if (best.score < MIN_STAGE_SCORE || none.score > best.score) {
    return { stage: null, confidence: confidenceOf(none.score, best.score), cues: none.cues };
  }
  const runnerUp = Math.max(second.score, none.score);
  return { stage: best.category as SpinStage, confidence: confidenceOf(best.score, runnerUp), cues: best.cues };
}

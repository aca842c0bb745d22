import { compileCue, cueMatches, type Cue } from "./cues";
import { EN_STAGE_CUES } from "./stage-cues-en";
import { PT_STAGE_CUES } from "./stage-cues-pt";
import { SPIN_ORDER, type Language, type SpinStage } from "./types";

/** Cue phrases by strength (see cues.ts for the syntax). */
export interface StageTiers {
  strong?: string[];
  medium?: string[];
  weak?: string[];
}

export type StageCueSource = Record<SpinStage, StageTiers>;
export type StageCues = Record<SpinStage, Cue[]>;

const WEIGHTS = { strong: 3, medium: 2, weak: 1 } as const;

// Losing what a business lives on is a consequence (implication), whatever the wording around it:
// "perdemos uns 20 pedidos", "lost a big deal". Losing time or track is a difficulty (problem).
const LOSS_VERBS: Record<Language, string[]> = { pt: ["perd*", "perco"], en: ["los*", "lost", "miss*", "wast*"] };

const LOSS_OBJECTS: Record<"business" | "track", Record<Language, string[]>> = {
  business: {
    pt: [
      "venda*", "client*", "pedido*", "negocio*", "dinheiro", "oportunidade*", "contrato*", "paciente*",
      "aluno*", "matricula*", "faturamento", "receita", "lead*", "compra*", "encomenda*", "grana", "fregues*",
      "projeto*", "reserva*", "agendamento*", "consulta*",
    ],
    en: [
      "sale*", "deal*", "customer*", "client*", "order*", "lead*", "money", "revenue", "business", "sign*",
      "booking*", "opportunit*", "contract*", "patient*", "student*",
    ],
  },
  track: {
    pt: ["tempo", "horas", "hora", "mensage*", "conversa*", "historico", "contato*", "informac*", "controle", "arquivo*", "documento*"],
    en: ["time", "hours", "track", "messages", "chats", "history", "contacts", "info*", "files", "documents"],
  },
};

// Up to two words may sit between the verb and its object when they only count or qualify it
// ("perdi umas 3 vendas", "lost a big deal"); "perco tempo com clientes" loses no client.
const FILLERS = new Set([
  "o", "a", "os", "as", "um", "uma", "uns", "umas", "muito", "muita", "muitos", "muitas", "pouca", "poucos",
  "poucas", "alguma", "bastante", "tanta", "tanto", "of", "percent", "por", "cento", "varios", "varias", "alguns",
  "algumas", "ja", "ate", "mais", "tantos", "tantas", "grande", "grandes", "bom", "bons", "boa", "boas",
  "the", "some", "many", "few", "lots", "of", "so", "too", "more", "big", "good", "great", "huge", "like",
  "about", "around", "our", "my", "nossos", "nossas", "meus", "minhas", "potential", "possible", "important",
]);

const MAX_FILLERS = 3;
// "não perdemos clientes", "we do not lose deals": no loss.
const NEGATIONS = new Set(["nao", "nunca", "not", "never", "dont", "didnt"]);

function isFiller(token: string): boolean {
  return FILLERS.has(token) || /^\d/.test(token);
}

const compileAll = (labels: string[]) => labels.map((label) => compileCue(label, 0));
const VERB_CUES = { pt: compileAll(LOSS_VERBS.pt), en: compileAll(LOSS_VERBS.en) };
const OBJECT_CUES = {
  business: { pt: compileAll(LOSS_OBJECTS.business.pt), en: compileAll(LOSS_OBJECTS.business.en) },
  track: { pt: compileAll(LOSS_OBJECTS.track.pt), en: compileAll(LOSS_OBJECTS.track.en) },
};

const matchesAny = (cues: Cue[], token: string) => cues.some((cue) => cueMatches(cue, [token]));

/** The "lose + object" phrase in the tokens ("perdemos uns 20 pedidos", "perco muito tempo"), or null. */
export function lossPhrase(tokens: readonly string[], language: Language, kind: "business" | "track"): string | null {
  const verbs = VERB_CUES[language];
  const objects = OBJECT_CUES[kind][language];
  for (let i = 0; i < tokens.length; i++) {
    if (!matchesAny(verbs, tokens[i]) || NEGATIONS.has(tokens[i - 1] ?? "")) continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + 1 + MAX_FILLERS + 1); j++) {
      if (matchesAny(objects, tokens[j])) return tokens.slice(i, j + 1).join(" ");
      if (!isFiller(tokens[j])) break;
    }
  }
  return null;
}

function compileTiers(tiers: StageTiers): Cue[] {
  return (Object.keys(WEIGHTS) as (keyof StageTiers)[]).flatMap((tier) =>
    (tiers[tier] ?? []).map((label) => compileCue(label, WEIGHTS[tier])),
  );
}

function compileStageCues(source: StageCueSource): StageCues {
  return Object.fromEntries(SPIN_ORDER.map((stage) => [stage, compileTiers(source[stage])])) as StageCues;
}

export const STAGE_CUES: Record<Language, StageCues> = {
  pt: compileStageCues(PT_STAGE_CUES),
  en: compileStageCues(EN_STAGE_CUES),
};

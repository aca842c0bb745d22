import { createModelProvider, type ModelAnswer, type ModelProvider } from "./model";
import { knowledgeWithHours } from "./opening";
import { speaksForTeam } from "./reading";
import { decideTurn, serviceReply, type TurnDecision, type TurnInput } from "./turn";
import { furthestStage, SPIN_ORDER, stageIndex } from "./types";

export interface ReplyDecision extends TurnDecision {
  source: "model" | "rules";
  /** The reply told the customer the team is closed now and when it is back (decideBurst, outside business hours). */
  closedNotice?: boolean;
}

export interface DecideOptions {
  provider?: ModelProvider | null;
  /** Told about a model failure before the rules answer instead (for logs and metrics). */
  onModelError?: (error: unknown) => void;
}

/** Why a model answer is not used even though it parsed: it broke a rule the product guarantees. */
export class ModelRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelRuleError";
  }
}

function customerTexts(input: TurnInput): string[] {
  return [...input.history.filter((turn) => turn.author === "customer").map((turn) => turn.text), ...input.incoming];
}

/** The model's answer, held to the rules: never backwards, never a question behind, never a repeat. */
function merge(input: TurnInput, rules: TurnDecision, answer: ModelAnswer): ReplyDecision {
  const stage = furthestStage(input.stage, answer.stage);
  if (answer.questionStage !== null && stageIndex(answer.questionStage) < stageIndex(stage)) {
    throw new ModelRuleError("The model asked a question behind the customer's stage.");
  }
  const sent = input.history.filter((turn) => turn.author !== "customer").map((turn) => turn.text.trim());
  if (sent.includes(answer.reply.trim())) throw new ModelRuleError("The model repeated an earlier reply.");
  const human = answer.intent === "human" || answer.handoff;
  const stagesPassed = SPIN_ORDER.slice(stageIndex(input.stage) + 1, stageIndex(stage) + 1).map(
    (passed) => rules.stagesPassed.find((entry) => entry.stage === passed) ?? { stage: passed, quote: input.incoming.join(" ").trim(), cues: [] },
  );
  const optOut = !human && answer.intent === "opt_out";
  const team = speaksForTeam(customerTexts(input));
  return {
    ...rules,
    stage,
    stagesPassed,
    intent: human ? "human" : answer.intent,
    // A handoff or an opt-out gets the rules' fixed short message: no question, nothing to misread.
    reply: human || optOut ? serviceReply(rules.language, team, human ? "handoff" : "optOut") : answer.reply,
    questionStage: human || optOut ? null : answer.questionStage,
    handoff: human,
    optOut,
    source: "model",
  };
}

/**
 * The next reply: from the model when one is configured, otherwise, and on any model failure,
 * from the rules. The rules decide alone when the bot must stay silent, and their opt-out and
 * human intents win over the model.
 */
export async function decideReply(input: TurnInput, options: DecideOptions = {}): Promise<ReplyDecision> {
  const rules = decideTurn(input);
  const ruled: ReplyDecision = { ...rules, source: "rules" };
  if (!options.provider || rules.reply === null || rules.intent === "opt_out" || rules.intent === "human") return ruled;
  try {
    const answer = await options.provider.reply({
      stage: input.stage,
      history: input.history,
      incoming: input.incoming,
      knowledge: knowledgeWithHours(input.knowledge, input.opening, rules.language),
      language: rules.language,
      team: speaksForTeam(customerTexts(input)),
    });
    return merge(input, rules, answer);
  } catch (error) {
    options.onModelError?.(error);
    return ruled;
  }
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The configured model, or null (rules only) unless AI_BASE_URL and AI_MODEL are both set. */
export function modelProviderFromEnv(
  env: Record<string, string | undefined>,
  /** A caller with a deadline of its own (the bot's reply lease) caps AI_TIMEOUT_MS. */
  options: { maxTimeoutMs?: number } = {},
): ModelProvider | null {
  const baseUrl = env.AI_BASE_URL?.trim();
  const model = env.AI_MODEL?.trim();
  if (!baseUrl || !model) return null;
  const configured = Number(env.AI_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
  return createModelProvider({
    baseUrl,
    model,
    apiKey: env.AI_API_KEY?.trim() || undefined,
    timeoutMs: Math.min(timeoutMs, options.maxTimeoutMs ?? Infinity),
  });
}

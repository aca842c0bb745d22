import { classifySpinStage } from "./classify";
import { detectLanguage } from "./language";
import { createModelProvider, type ModelProvider } from "./model";
import type { ChatTurn } from "./model-prompt";
import { planReply } from "./planner";
import { nextStage, questionStage } from "./stage";
import type { Language, SpinStage } from "./types";

export interface ReplyInput {
  /** The session's stage before this reply. */
  stage: SpinStage;
  /** The conversation so far, oldest first, ending with the customer's latest messages. */
  history: ChatTurn[];
  persona: string;
  product: string;
  customerName?: string;
  /** The agent's fixed reply language; when absent it follows the customer's words (pt when unsure). */
  language?: Language;
}

export interface ReplyDecision {
  stage: SpinStage;
  /** How clearly the latest messages showed a stage, in [0, 1]; 0 when they showed none. */
  confidence: number;
  reply: string;
  handoff: boolean;
  source: "model" | "rules";
}

export interface DecideOptions {
  provider?: ModelProvider | null;
  /** Told about a model failure before the rules answer instead (for logs and metrics). */
  onModelError?: (error: unknown) => void;
}

/** The customer's messages since the business last spoke: one burst, read as one text. */
function latestCustomerText(history: readonly ChatTurn[]): string {
  const burst: string[] = [];
  for (let i = history.length - 1; i >= 0 && history[i].author === "customer"; i--) burst.unshift(history[i].text);
  return burst.join("\n");
}

function replyLanguage(input: ReplyInput): Language {
  if (input.language) return input.language;
  const said = input.history.filter((turn) => turn.author === "customer").map((turn) => turn.text);
  return detectLanguage(said.join("\n"));
}

/** The rule engine: classify the latest burst, move the stage, plan the next question. */
export function decideByRules(input: ReplyInput): ReplyDecision {
  const evidence = classifySpinStage(latestCustomerText(input.history));
  const transition = nextStage(input.stage, evidence);
  const botReplies = input.history.filter((turn) => turn.author === "bot").map((turn) => turn.text);
  const { text } = planReply({
    stage: questionStage(transition.stage, evidence),
    language: replyLanguage(input),
    persona: input.persona,
    product: input.product,
    history: botReplies,
    customerName: input.customerName,
    turn: botReplies.length,
  });
  // A burst that shows no stage gives no confidence in any: its "none" certainty is not reported.
  const confidence = evidence.stage === null ? 0 : evidence.confidence;
  return { stage: transition.stage, confidence, reply: text, handoff: transition.handoff, source: "rules" };
}

/**
 * The next reply: from the model when one is configured, otherwise, and on any model failure,
 * from the rules. The model chooses its stage itself; its answer is validated, not second-guessed.
 */
export async function decideReply(input: ReplyInput, options: DecideOptions = {}): Promise<ReplyDecision> {
  if (!options.provider) return decideByRules(input);
  try {
    const answer = await options.provider.reply({
      stage: input.stage,
      history: input.history,
      persona: input.persona,
      product: input.product,
      language: replyLanguage(input),
    });
    return { ...answer, handoff: answer.stage === "need_payoff", source: "model" };
  } catch (error) {
    options.onModelError?.(error);
    return decideByRules(input);
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

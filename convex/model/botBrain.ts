import { classifySpinStage, decideReply, modelProviderFromEnv, type ReplyDecision } from "../../lib/spin";
import { env } from "../_generated/server";
import { DEFAULT_PRODUCT } from "./agents";
import type { BotContext, BotReply } from "./botRun";
import { MAX_TEXT_LENGTH } from "./conversations";

/**
 * The SPIN engine (lib/spin) applied to one session's context: the reply, its stage and, when the
 * stage moved, the customer message that moved it. Uses the configured model, else the rules.
 */

type ContextMessage = BotContext["messages"][number];

/** Customer messages the reply answers: those no earlier reply covered. */
function unanswered(context: BotContext): ContextMessage[] {
  return context.messages.filter((message) => message.inboundSeq !== null && message.inboundSeq > context.answeredSeq);
}

/** Cue patterns as people read them: "perde*" → "perde", "# vendedores" → "vendedores". */
function readableCues(cues: string[]): string[] {
  return [...new Set(cues.map((cue) => cue.replace(/[*#]/g, "").trim()).filter((cue) => cue.length > 0))];
}

/** Among the messages being answered, the one that best expresses the new stage, with its cues. */
function movedBy(context: BotContext, decision: ReplyDecision): BotReply["movedBy"] {
  if (decision.stage === context.stage) return null;
  let best: { message: ContextMessage; confidence: number; cues: string[] } | null = null;
  for (const message of unanswered(context)) {
    const found = classifySpinStage(message.text);
    if (found.stage === decision.stage && (best === null || found.confidence >= best.confidence)) {
      best = { message, confidence: found.confidence, cues: readableCues(found.cues) };
    }
  }
  if (best !== null) return { messageId: best.message._id, cues: best.cues };
  // The model may move the stage on the conversation as a whole: credit the latest message.
  const latest = unanswered(context).at(-1);
  return latest ? { messageId: latest._id, cues: [] } : null;
}

/**
 * The conversation as the engine reads it: what was already answered in thread order, then the
 * messages being answered. Provider times have whole seconds and other clocks, so a fresh customer
 * message can sort before the bot's last reply; its number never lies.
 */
function historyOf(context: BotContext) {
  const pending = unanswered(context);
  const answered = context.messages.filter((message) => !pending.includes(message));
  return [...answered, ...pending].map(({ author, text }) => ({ author, text }));
}

/** A model call must end well inside the run's lease (LEASE_MS), or another run could take over. */
const MAX_MODEL_TIMEOUT_MS = 30_000;

export async function planBotReply(context: BotContext): Promise<BotReply> {
  const decision = await decideReply(
    {
      stage: context.stage,
      history: historyOf(context),
      persona: context.persona,
      // The stored default is an English placeholder: the planner words a missing product in the customer's language.
      product: context.product === DEFAULT_PRODUCT ? "" : context.product,
      language: context.language === "auto" ? undefined : context.language,
    },
    {
      provider: modelProviderFromEnv(env, { maxTimeoutMs: MAX_MODEL_TIMEOUT_MS }),
      onModelError: (error) => console.warn(`[bot] model failed, the rules answer instead: ${String(error)}`),
    },
  );
  return {
    text: decision.reply.slice(0, MAX_TEXT_LENGTH),
    stage: decision.stage,
    confidence: decision.confidence,
    handoff: decision.handoff,
    movedBy: movedBy(context, decision),
  };
}

import { v, type Infer } from "convex/values";
import { classifySpinStage, decideReply, modelProviderFromEnv, type ReplyDecision } from "../../lib/spin";
import { env, type DatabaseReader } from "../_generated/server";
import { agentFields, botLanguageValidator, messageFields, sessionFields } from "../schema";
import { DEFAULT_PRODUCT } from "./agents";
import type { SessionAndAgent } from "./botLease";
import type { BotReply } from "./botRecord";
import { CONTEXT_MESSAGES } from "./botRules";
import { sendTargetOf } from "./contacts";
import { MAX_TEXT_LENGTH } from "./messages";

/**
 * Planning one reply: what the run reads (in its lease mutation), then the SPIN engine (lib/spin)
 * applied to it: the reply, its stage and, when the stage moved, the customer message that moved it.
 * Uses the configured model, else the rules.
 */

export const botContextValidator = v.object({
  instanceName: agentFields.instanceName,
  number: v.string(),
  persona: agentFields.persona,
  product: agentFields.product,
  language: botLanguageValidator,
  stage: sessionFields.stage,
  answeredSeq: v.number(),
  messages: v.array(
    v.object({
      _id: v.id("messages"),
      author: messageFields.author,
      text: messageFields.text,
      inboundSeq: v.union(v.number(), v.null()),
    }),
  ),
});
export type BotContext = Infer<typeof botContextValidator>;

/** The latest messages, oldest first, and everything the reply planner needs to know. */
export async function readBotContext(db: DatabaseReader, { session, agent }: SessionAndAgent): Promise<BotContext | null> {
  const contact = await db.get("contacts", session.contactId);
  if (contact === null) return null;
  const latest = await db
    .query("messages")
    .withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", session.orgId).eq("sessionId", session._id))
    .order("desc")
    .take(CONTEXT_MESSAGES);
  return {
    instanceName: agent.instanceName,
    number: sendTargetOf(contact),
    persona: agent.persona,
    product: agent.product,
    language: agent.language ?? "auto",
    stage: session.stage,
    answeredSeq: session.answeredSeq ?? 0,
    messages: latest.reverse().map((message) => ({
      _id: message._id,
      author: message.author,
      text: message.text,
      inboundSeq: message.inboundSeq ?? null,
    })),
  };
}

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

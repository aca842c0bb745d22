import { literals } from "convex-helpers/validators";
import { v, type Infer } from "convex/values";
import { decideBurst, INTENTS, modelProviderFromEnv, stageIndex, type ChatTurn, type ReplyDecision } from "../../lib/spin";
import type { Doc } from "../_generated/dataModel";
import { env, type DatabaseReader } from "../_generated/server";
import { agentFields, agentKnowledgeValidator, botLanguageValidator, messageFields, messageKindValidator, sessionFields, spinStageValidator } from "../schema";
import { knowledgeOf } from "./agents";
import { botOpening, botOpeningValidator } from "./botOpening";
import type { SessionAndAgent } from "./botLease";
import { CONTEXT_MESSAGES } from "./botRules";
import { contactOptedOut, sendTargetOf } from "./contacts";
import { MAX_TEXT_LENGTH } from "./messages";
import { maskPhones } from "../../lib/phone-masking";

/**
 * Planning one turn: what the run reads (in its lease mutation), then the conversation engine
 * (lib/spin) applied to it: the reply (or silence), the stages passed with the words that showed
 * them, the customer's intent, a handoff or an opt-out. The configured model answers when there is
 * one; the rules otherwise, on any model failure, and always on handoffs and opt-outs.
 */

export const botContextValidator = v.object({
  instanceName: agentFields.instanceName,
  number: v.string(),
  knowledge: v.object({ persona: v.string(), productName: v.string(), ...agentKnowledgeValidator.fields }),
  language: botLanguageValidator,
  stage: sessionFields.stage,
  answeredSeq: v.number(),
  handedOff: v.boolean(),
  optedOut: v.boolean(),
  // The agent hands voice notes to a person at once instead of asking the customer to write.
  voiceNoteHandoff: v.boolean(),
  // The org's business hours now; null when it set none.
  opening: v.union(botOpeningValidator, v.null()),
  messages: v.array(
    v.object({
      _id: v.id("messages"),
      author: literals("customer", "bot", "human"),
      text: messageFields.text,
      // What the message is (a voice note, a photo…); "text" for rows stored before kinds existed.
      kind: messageKindValidator,
      inboundSeq: v.union(v.number(), v.null()),
      // On the bot's messages: the SPIN stage of the question it asked.
      questionStage: v.union(spinStageValidator, v.null()),
    }),
  ),
});
export type BotContext = Infer<typeof botContextValidator>;

type ConversationMessage = Doc<"messages"> & { author: "customer" | "bot" | "human" };
const isConversationMessage = (message: Doc<"messages">): message is ConversationMessage => message.author !== "note";

/** The latest messages, oldest first, and everything the engine needs to know. */
export async function readBotContext(
  db: DatabaseReader,
  { session, agent }: SessionAndAgent,
  // The run's org when the caller has it (the guard loaded it); read otherwise.
  knownOrg?: Doc<"organizations">,
  now = Date.now(),
): Promise<BotContext | null> {
  const contact = await db.get("contacts", session.contactId);
  const org = knownOrg ?? (await db.get("organizations", session.orgId));
  if (contact === null || org === null) return null;
  const latest = await db
    .query("messages")
    .withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", session.orgId).eq("sessionId", session._id))
    .order("desc")
    .take(CONTEXT_MESSAGES);
  return {
    instanceName: agent.instanceName,
    number: sendTargetOf(contact),
    knowledge: knowledgeOf(agent),
    language: agent.language ?? "auto",
    stage: session.stage,
    answeredSeq: session.answeredSeq ?? 0,
    handedOff: session.waitingSince !== undefined,
    optedOut: await contactOptedOut(db, contact),
    voiceNoteHandoff: agent.voiceNoteHandoff ?? false,
    opening: botOpening(org, session, now),
    // Private notes are the team's, never the customer's conversation: the engine never reads them.
    messages: latest.reverse().filter(isConversationMessage).map((message) => ({
      _id: message._id,
      author: message.author,
      text: message.text,
      kind: message.kind ?? "text",
      inboundSeq: message.inboundSeq ?? null,
      questionStage: message.author === "bot" ? (message.stage ?? null) : null,
    })),
  };
}

export const plannedTurnValidator = v.object({
  // What the bot sends; null when it stays silent (after a handoff or an opt-out).
  text: v.union(v.string(), v.null()),
  stage: spinStageValidator,
  questionStage: v.union(spinStageValidator, v.null()),
  intent: v.union(literals(...INTENTS), v.null()),
  handoff: v.boolean(),
  optOut: v.boolean(),
  // Each stage newly reached, in order, with the customer's words that showed it and the message they are in.
  passed: v.array(
    v.object({ stage: spinStageValidator, quote: v.string(), cues: v.array(v.string()), messageId: v.union(v.id("messages"), v.null()) }),
  ),
  // The reply told the customer the team is closed until this opening (ms): remembered on the session.
  closedNoticeFor: v.optional(v.number()),
});
export type PlannedTurn = Infer<typeof plannedTurnValidator>;

type ContextMessage = BotContext["messages"][number];

/** Customer messages this turn answers: those no earlier reply covered. */
function unanswered(context: BotContext): ContextMessage[] {
  return context.messages.filter((message) => message.inboundSeq !== null && message.inboundSeq > context.answeredSeq);
}

/**
 * The conversation before this turn, in thread order. Provider times have whole seconds and other
 * clocks, so a fresh customer message can sort before the bot's last reply: numbers decide instead.
 */
function historyOf(context: BotContext, pending: ContextMessage[]): ChatTurn[] {
  return context.messages
    .filter((message) => !pending.includes(message))
    .map(({ author, text, questionStage, kind }) => ({ author, text, questionStage, ...(kind !== "text" ? { kind } : {}) }));
}

/** The stages passed this turn, each credited to the message whose words showed it. */
function passedStages(context: BotContext, pending: ContextMessage[], decision: ReplyDecision): PlannedTurn["passed"] {
  return decision.stagesPassed
    .filter((passed) => stageIndex(passed.stage) > stageIndex(context.stage))
    .map((passed) => {
      const source = pending.find((message) => message.text.includes(passed.quote)) ?? pending.at(-1);
      return { stage: passed.stage, quote: passed.quote, cues: passed.cues, messageId: source?._id ?? null };
    });
}

/** A model call must end well inside the run's lease (LEASE_MS), or another run could take over. */
const MAX_MODEL_TIMEOUT_MS = 30_000;

export async function planBotTurn(context: BotContext): Promise<PlannedTurn> {
  const pending = unanswered(context);
  const decision = await decideBurst(
    {
      history: historyOf(context, pending),
      incoming: pending.map(({ text, kind }) => ({ text, ...(kind ? { kind } : {}) })),
      stage: context.stage,
      handedOff: context.handedOff,
      optedOut: context.optedOut,
      knowledge: context.knowledge,
      language: context.language === "auto" ? undefined : context.language,
      ...(context.opening ? { opening: context.opening } : {}),
    },
    { handOffAudio: context.voiceNoteHandoff },
    {
      provider: modelProviderFromEnv(env, { maxTimeoutMs: MAX_MODEL_TIMEOUT_MS }),
      onModelError: (error) => console.warn(maskPhones(`[bot] model answer not used, the rules answer instead: ${String(error)}`)),
    },
  );
  return {
    text: decision.reply === null ? null : decision.reply.slice(0, MAX_TEXT_LENGTH),
    stage: decision.stage,
    questionStage: decision.questionStage,
    intent: decision.intent,
    handoff: decision.handoff,
    optOut: decision.optOut,
    passed: passedStages(context, pending, decision),
    ...(decision.closedNotice && context.opening?.closed ? { closedNoticeFor: context.opening.closed.opensAt } : {}),
  };
}

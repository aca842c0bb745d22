import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { SPIN_ORDER, stageIndex } from "../../lib/spin/types";
import { authorValidator, botLanguageValidator, spinStageValidator, type SpinStage } from "../schema";
import { laterDelivery, sendTargetOf, sessionPatchForMessage } from "./conversations";
import { botActive, CONTEXT_MESSAGES, LEASE_MS, leaseHeld, RELEASED_LEASE, unansweredCount } from "./replies";
import { factsPatchForMessage, messageChange, newStageEventChange } from "./rollupFacts";
import type { RollupChange } from "./rollups";

/**
 * The database side of one bot run: take the session's lease (or decline), read what the reply
 * needs, and record the reply. The action in convex/bot.ts calls these through internal mutations.
 */

export const declineReasonValidator = v.union(
  v.literal("gone"),
  v.literal("inactive"),
  v.literal("offline"),
  v.literal("debouncing"),
  v.literal("nothing_to_answer"),
  v.literal("busy"),
);
export type DeclineReason = Infer<typeof declineReasonValidator>;

export const botContextValidator = v.object({
  instanceName: v.string(),
  number: v.string(),
  persona: v.string(),
  product: v.string(),
  language: botLanguageValidator,
  stage: spinStageValidator,
  answeredSeq: v.number(),
  messages: v.array(
    v.object({
      _id: v.id("messages"),
      author: authorValidator,
      text: v.string(),
      inboundSeq: v.union(v.number(), v.null()),
    }),
  ),
});
export type BotContext = Infer<typeof botContextValidator>;

export type Lease = { token: string; batchThrough: number };

export type SessionAndAgent = { session: Doc<"sessions">; agent: Doc<"agents"> };

/**
 * The org's session and its agent; null when either is gone or the organization was deleted (its
 * runs already scheduled must not answer anyone). Internal callers pass `orgId` explicitly.
 */
export async function sessionAndAgent(
  db: DatabaseReader,
  orgId: Id<"organizations">,
  sessionId: Id<"sessions">,
): Promise<SessionAndAgent | null> {
  const org = await db.get("organizations", orgId);
  if (org === null || org.deletedAt !== undefined) return null;
  const session = await db.get("sessions", sessionId);
  if (session === null || session.orgId !== orgId) return null;
  const agent = await db.get("agents", session.agentId);
  if (agent === null || agent.orgId !== orgId) return null;
  return { session, agent };
}

/** Why this run must not answer now, or null when it may take the lease. */
export function declineReason({ session, agent }: SessionAndAgent, now: number): DeclineReason | null {
  if (!botActive(agent, session)) return "inactive";
  if (agent.status !== "open") return "offline";
  // A newer message moved the debounce forward: the run scheduled for it answers the whole burst.
  if (session.replyDueAt !== undefined && now < session.replyDueAt) return "debouncing";
  if (unansweredCount(session) <= 0) return "nothing_to_answer";
  if (leaseHeld(session, now)) return "busy";
  return null;
}

export async function takeLease(db: DatabaseWriter, session: Doc<"sessions">, now: number, token: string): Promise<Lease> {
  await db.patch("sessions", session._id, { processingToken: token, processingExpiresAt: now + LEASE_MS, pendingReply: false });
  return { token, batchThrough: session.inboundSeq ?? 0 };
}

/** The latest messages, oldest first, and everything the reply planner needs to know. */
export async function readBotContext(db: DatabaseReader, { session, agent }: SessionAndAgent): Promise<BotContext | null> {
  const contact = await db.get("contacts", session.contactId);
  if (contact === null || contact.orgId !== session.orgId) return null;
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

export const botReplyValidator = v.object({
  text: v.string(),
  stage: spinStageValidator,
  confidence: v.number(),
  handoff: v.boolean(),
  // The customer message whose text moved the stage, when it moved.
  movedBy: v.union(v.null(), v.object({ messageId: v.id("messages"), cues: v.array(v.string()) })),
});
export type BotReply = Infer<typeof botReplyValidator>;

/**
 * Stores the sent reply once: if the gateway's echo of it won the race, it was stored as a message
 * typed on the phone under the same WhatsApp id, and becomes the bot's reply instead of a duplicate.
 * Returns the rollup side of that write.
 */
export async function storeBotMessage(
  db: DatabaseWriter,
  session: Doc<"sessions">,
  sent: { reply: BotReply; externalId: string; batchThrough: number; sentAt: number },
): Promise<RollupChange> {
  const fields = {
    author: "bot" as const,
    stage: sent.reply.stage,
    answersThroughSeq: sent.batchThrough,
  };
  const echo = await db
    .query("messages")
    .withIndex("by_agent_and_externalId", (q) => q.eq("agentId", session.agentId).eq("externalId", sent.externalId))
    .first();
  if (echo !== null && echo.orgId === session.orgId && echo.direction === "out") {
    const patch = { ...fields, delivery: laterDelivery(echo.delivery, "sent") };
    await db.patch("messages", echo._id, patch);
    return messageChange(echo, { ...echo, ...patch });
  }
  const message = {
    ...fields,
    orgId: session.orgId,
    sessionId: session._id,
    agentId: session.agentId,
    direction: "out" as const,
    text: sent.reply.text,
    externalId: sent.externalId,
    sentAt: sent.sentAt,
    delivery: "sent" as const,
  };
  await db.insert("messages", message);
  return messageChange(null, message);
}

/** The stages strictly after `from` up to and including `to`: what a session newly reaches. */
function stagesReached(from: SpinStage, to: SpinStage): SpinStage[] {
  return SPIN_ORDER.slice(stageIndex(from) + 1, stageIndex(to) + 1);
}

/**
 * The SPIN timeline's entry when the reply moved the stage; the funnel counts a stage the first
 * time the session gets there. Returns the session's furthest stage and the rollup side.
 */
export async function recordStageChange(db: DatabaseWriter, session: Doc<"sessions">, reply: BotReply, at: number) {
  const furthest = session.furthestStage ?? "situation";
  const reached = stagesReached(furthest, reply.stage);
  const furthestStage = reached.at(-1) ?? furthest;
  if (reply.stage === session.stage) return { furthestStage, change: null };
  const event = {
    orgId: session.orgId,
    sessionId: session._id,
    agentId: session.agentId,
    from: session.stage,
    to: reply.stage,
    at,
    confidence: reply.confidence,
    reached,
    ...(reply.movedBy ? { messageId: reply.movedBy.messageId, cues: reply.movedBy.cues } : {}),
  };
  await db.insert("stageEvents", event);
  return { furthestStage, change: newStageEventChange(event) };
}

/** The session after a sent reply: stage, coverage, list row, facts; the lease released when it was ours. */
export function sessionPatchAfterReply(
  session: Doc<"sessions">,
  sent: { reply: BotReply; batchThrough: number; sentAt: number; ownsLease: boolean; furthestStage: SpinStage },
): Partial<Doc<"sessions">> {
  const message = { text: sent.reply.text, sentAt: sent.sentAt, direction: "out" as const };
  return {
    ...sessionPatchForMessage(session, message),
    ...factsPatchForMessage(session, message, false),
    stage: sent.reply.stage,
    furthestStage: sent.furthestStage,
    answeredSeq: Math.max(session.answeredSeq ?? 0, sent.batchThrough),
    needsAttention: false,
    ...(sent.reply.handoff ? { handoffSuggested: true } : {}),
    ...(sent.ownsLease ? { ...RELEASED_LEASE, pendingReply: false } : {}),
  };
}

/** Messages arrived (or a run was turned away) while this one held the lease: one more run is due. */
export function needsAnotherRun(session: Doc<"sessions">, batchThrough: number): boolean {
  return session.pendingReply || (session.inboundSeq ?? 0) > batchThrough;
}

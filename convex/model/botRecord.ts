import { v, type Infer } from "convex/values";
import { SPIN_ORDER, stageIndex, type SpinStage } from "../../lib/spin/types";
import type { Doc } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { spinStageValidator } from "../schema";
import { RELEASED_LEASE } from "./botRules";
import { recordOutbound } from "./messages";
import { applyMessageToSession } from "./sessions";

/** Recording a reply the bot sent: the message (folding in its echo), the SPIN timeline, the session. */

export const botReplyValidator = v.object({
  text: v.string(),
  stage: spinStageValidator,
  confidence: v.number(),
  handoff: v.boolean(),
  // The customer message whose text moved the stage, when it moved.
  movedBy: v.union(v.null(), v.object({ messageId: v.id("messages"), cues: v.array(v.string()) })),
});
export type BotReply = Infer<typeof botReplyValidator>;

export type SentReply = { reply: BotReply; externalId: string; batchThrough: number; sentAt: number };

/** The stages strictly after `from` up to and including `to`: what a session newly reaches. */
function stagesReached(from: SpinStage, to: SpinStage): SpinStage[] {
  return SPIN_ORDER.slice(stageIndex(from) + 1, stageIndex(to) + 1);
}

/**
 * The SPIN timeline's entry when the reply moved the stage; the funnel counts a stage the first
 * time the session gets there. Returns the session's furthest stage.
 */
async function recordStageChange(db: DatabaseWriter, session: Doc<"sessions">, reply: BotReply, at: number): Promise<SpinStage> {
  const furthest = session.furthestStage ?? "situation";
  const reached = stagesReached(furthest, reply.stage);
  if (reply.stage !== session.stage) {
    await db.insert("stageEvents", {
      orgId: session.orgId,
      sessionId: session._id,
      agentId: session.agentId,
      from: session.stage,
      to: reply.stage,
      at,
      confidence: reply.confidence,
      reached,
      ...(reply.movedBy ? { messageId: reply.movedBy.messageId, cues: reply.movedBy.cues } : {}),
    });
  }
  return reached.at(-1) ?? furthest;
}

/**
 * Records a reply that went out, once; returns the session as written. The lease is released only
 * by the run that holds it (a run whose lease expired meanwhile still records what it sent).
 */
export async function recordBotReply(db: DatabaseWriter, session: Doc<"sessions">, sent: SentReply, ownsLease: boolean) {
  const { reply, externalId, batchThrough, sentAt } = sent;
  await recordOutbound(db, session, {
    author: "bot",
    text: reply.text,
    externalId,
    sentAt,
    delivery: "sent",
    stage: reply.stage,
    answersThroughSeq: batchThrough,
  });
  const furthestStage = await recordStageChange(db, session, reply, sentAt);
  return applyMessageToSession(db, session, { direction: "out", author: "bot", text: reply.text, sentAt }, {
    stage: reply.stage,
    furthestStage,
    answeredSeq: Math.max(session.answeredSeq ?? 0, batchThrough),
    needsAttention: false,
    ...(reply.handoff ? { handoffSuggested: true } : {}),
    ...(ownsLease ? { ...RELEASED_LEASE, pendingReply: false } : {}),
  });
}

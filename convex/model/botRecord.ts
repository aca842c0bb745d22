import { furthestStage, stageIndex, type SpinStage } from "../../lib/spin";
import type { Doc } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { RELEASED_LEASE } from "./botRules";
import type { PlannedTurn } from "./botPlan";
import { recordOutbound } from "./messages";
import { applyMessageToSession } from "./sessions";

/**
 * Recording one bot turn: the reply it sent (folding in its echo), the SPIN timeline (one event per
 * stage passed, with the customer's words), a handoff (the waiting-for-a-person queue) or an opt-out
 * (on the contact), and the session's bookkeeping.
 */

export type TurnOutcome = { turn: PlannedTurn; externalId: string | null; batchThrough: number; at: number };

/** One timeline event per stage passed; the funnel counts a stage the first time the session gets there. */
async function recordStagesPassed(db: DatabaseWriter, session: Doc<"sessions">, turn: PlannedTurn, at: number): Promise<SpinStage> {
  let from = session.stage;
  let furthest: SpinStage = session.furthestStage ?? "situation";
  for (const passed of turn.passed) {
    const reachedNow = stageIndex(passed.stage) > stageIndex(furthest);
    await db.insert("stageEvents", {
      orgId: session.orgId,
      sessionId: session._id,
      agentId: session.agentId,
      from,
      to: passed.stage,
      at,
      quote: passed.quote,
      cues: passed.cues,
      reached: reachedNow ? [passed.stage] : [],
      ...(passed.messageId ? { messageId: passed.messageId } : {}),
    });
    from = passed.stage;
    furthest = furthestStage(furthest, passed.stage);
  }
  return furthest;
}

/** The customer asked not to be written to: recorded on the contact, which every agent's bot checks. */
async function recordOptOut(db: DatabaseWriter, session: Doc<"sessions">, at: number) {
  const contact = await db.get("contacts", session.contactId);
  if (contact !== null && contact.optedOutAt === undefined) await db.patch("contacts", contact._id, { optedOutAt: at });
}

/** The session after the turn: stage, coverage, a handoff's queue entry; the lease released when it was ours. */
function sessionFieldsAfter(session: Doc<"sessions">, turn: PlannedTurn, outcome: TurnOutcome, furthest: SpinStage, ownsLease: boolean) {
  return {
    stage: furthestStage(session.stage, turn.stage),
    furthestStage: furthest,
    answeredSeq: Math.max(session.answeredSeq ?? 0, outcome.batchThrough),
    needsAttention: false,
    ...(turn.text !== null ? { personReplied: false } : {}),
    ...(turn.stage === "need_payoff" ? { handoffSuggested: true } : {}),
    ...(turn.closedNoticeFor !== undefined ? { closedNoticeFor: turn.closedNoticeFor } : {}),
    // A handoff silences the bot and puts the customer in the queue for a person.
    ...(turn.handoff && session.waitingSince === undefined ? { waitingSince: outcome.at, botPaused: true } : {}),
    ...(ownsLease ? { ...RELEASED_LEASE, pendingReply: false } : {}),
  };
}

/**
 * Records a turn once; returns the session as written. The lease is released only by the run that
 * holds it (a run whose lease expired meanwhile still records what it sent).
 */
export async function recordBotTurn(db: DatabaseWriter, session: Doc<"sessions">, outcome: TurnOutcome, ownsLease: boolean) {
  const { turn, externalId, batchThrough, at } = outcome;
  if (turn.text !== null) {
    await recordOutbound(db, session, {
      author: "bot",
      text: turn.text,
      sentAt: at,
      delivery: "sent",
      ...(externalId !== null ? { externalId } : {}),
      ...(turn.questionStage !== null ? { stage: turn.questionStage } : {}),
      answersThroughSeq: batchThrough,
    });
  }
  const furthest = await recordStagesPassed(db, session, turn, at);
  if (turn.optOut) await recordOptOut(db, session, at);
  const fields = sessionFieldsAfter(session, turn, outcome, furthest, ownsLease);
  if (turn.text === null) {
    await db.patch("sessions", session._id, fields);
    return { ...session, ...fields };
  }
  return applyMessageToSession(db, session, { direction: "out", author: "bot", text: turn.text, sentAt: at }, fields);
}

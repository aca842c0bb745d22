import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter, MutationCtx } from "../_generated/server";
import { internal } from "../_generated/api";
import { botActive, LEASE_MS, leaseHeld, unansweredCount } from "./botRules";

/**
 * The lease of one bot run (DESIGN "SPIN replies"): at most one run holds a session, with a token
 * and an expiry, so a crashed run's lease simply expires. Called from bot.ts's internal mutations,
 * whose `ctx.db` is scoped to the session's org.
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

export type SessionAndAgent = { session: Doc<"sessions">; agent: Doc<"agents"> };

/** The org's session and its agent; null when either is gone (row-level security hides other orgs'). */
export async function sessionAndAgent(db: DatabaseReader, sessionId: Id<"sessions">): Promise<SessionAndAgent | null> {
  const session = await db.get("sessions", sessionId);
  if (session === null) return null;
  const agent = await db.get("agents", session.agentId);
  return agent === null ? null : { session, agent };
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

/** Unique per run; mutations' randomness is seeded, so the clock keeps two runs' tokens apart. */
const newToken = (now: number) => `${now.toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** Takes the lease; the run answers every customer message numbered up to `batchThrough`. */
export async function takeLease(db: DatabaseWriter, session: Doc<"sessions">, now: number) {
  const token = newToken(now);
  await db.patch("sessions", session._id, { processingToken: token, processingExpiresAt: now + LEASE_MS, pendingReply: false });
  return { token, batchThrough: session.inboundSeq ?? 0 };
}

/** A run was turned away while another holds the lease: the holder runs once more when it finishes. */
export async function markPending(ctx: Pick<MutationCtx, "db" | "scheduler">, session: Doc<"sessions">) {
  if (session.pendingReply) return;
  await ctx.db.patch("sessions", session._id, { pendingReply: true });
  // If the holder crashed, nobody would run again: look again once its lease has expired.
  const { orgId, _id: sessionId } = session;
  await ctx.scheduler.runAt(session.processingExpiresAt!, internal.bot.reply, { orgId, sessionId, attempt: 1 });
}

/** Messages arrived (or a run was turned away) while this one held the lease: one more run is due. */
export function needsAnotherRun(session: Doc<"sessions">, batchThrough: number): boolean {
  return session.pendingReply || (session.inboundSeq ?? 0) > batchThrough;
}

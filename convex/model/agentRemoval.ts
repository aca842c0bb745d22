import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { recordAudit } from "./audit";

/** Conversations that still expect someone to act; a removed number can never answer them. */
const UNRESOLVED_STATUSES = ["open", "pending", "snoozed"] as const satisfies readonly Doc<"sessions">["status"][];

/** Sessions resolved per transaction: far below Convex's write limits, whatever the audit adds. */
export const RESOLVE_BATCH = 100;

/** Why each one was resolved, in the org's audit log (the system did it, on the admin's removal). */
export const AGENT_REMOVED_AUDIT_ACTION = "session.resolved_agent_removed";

/**
 * Resolves up to `RESOLVE_BATCH` of a removed agent's unresolved conversations, each with an audit entry
 * saying why, and takes them out of the waiting and attention queues (nobody can answer them there).
 * Returns whether more may remain: the caller schedules the next batch.
 */
export async function resolveBatchOfRemovedAgent(
  db: DatabaseWriter,
  agent: Pick<Doc<"agents">, "_id" | "orgId">,
  actorUserId: Id<"users"> | null,
): Promise<{ resolved: number; more: boolean }> {
  let resolved = 0;
  for (const status of UNRESOLVED_STATUSES) {
    const batch = await db
      .query("sessions")
      .withIndex("by_org_and_agent_and_status_and_lastMessageAt", (q) => q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("status", status))
      .take(RESOLVE_BATCH - resolved);
    for (const session of batch) {
      await db.patch("sessions", session._id, {
        status: "resolved",
        snoozedUntil: undefined,
        waitingSince: undefined,
        needsAttention: false,
        pendingReply: false,
      });
      await recordAudit(db, { orgId: agent.orgId, actorUserId, action: AGENT_REMOVED_AUDIT_ACTION, target: `session:${session._id}` });
    }
    resolved += batch.length;
    if (resolved === RESOLVE_BATCH) return { resolved, more: true };
  }
  return { resolved, more: false };
}

import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { recordAudit } from "./audit";
import { membershipOf } from "./directory";

/** Most members one agent's round-robin may hold: routing reads at most this many memberships. */
export const MAX_ROUND_ROBIN_MEMBERS = 25;

/** A current (not removed) member of the org, or null. */
export async function liveMembership(db: DatabaseReader, orgId: Id<"organizations">, userId: Id<"users">) {
  const membership = await membershipOf(db, orgId, userId);
  return membership === null || membership.deletedAt !== undefined ? null : membership;
}

/**
 * The next available member after the cursor, and the cursor after them; null when nobody in the
 * rotation is available. Skipping an unavailable or removed member does not spend their turn's
 * fairness on the others: the cursor only moves past whoever is picked.
 */
async function nextInRotation(db: DatabaseReader, orgId: Id<"organizations">, rotation: { memberIds: Id<"users">[]; cursor: number }) {
  const { memberIds } = rotation;
  for (let step = 0; step < memberIds.length; step++) {
    const index = (rotation.cursor + step) % memberIds.length;
    const membership = await liveMembership(db, orgId, memberIds[index]);
    if (membership !== null && membership.available !== false) return { userId: memberIds[index], cursor: (index + 1) % memberIds.length };
  }
  return null;
}

/** Who a conversation that starts waiting for a person goes to: the default owner, else the rotation. */
async function routeOf(db: DatabaseWriter, agent: Doc<"agents">): Promise<Id<"users"> | null> {
  if (agent.defaultAssigneeId !== undefined && (await liveMembership(db, agent.orgId, agent.defaultAssigneeId)) !== null) {
    return agent.defaultAssigneeId;
  }
  if (agent.autoAssign === undefined || agent.autoAssign.memberIds.length === 0) return null;
  const next = await nextInRotation(db, agent.orgId, agent.autoAssign);
  if (next === null) return null;
  await db.patch("agents", agent._id, { autoAssign: { ...agent.autoAssign, cursor: next.cursor } });
  return next.userId;
}

/** Entering the waiting-for-a-person queue, unowned: the one moment routing acts. */
export function entersQueueUnowned(oldDoc: Doc<"sessions"> | null, newDoc: Doc<"sessions"> | null): newDoc is Doc<"sessions"> {
  return newDoc !== null && newDoc.waitingSince !== undefined && (oldDoc?.waitingSince ?? undefined) === undefined && newDoc.assigneeId === undefined;
}

/** Assigns a session that just started waiting (called by the sessions trigger); audited as a system change. */
export async function routeWaitingSession(db: DatabaseWriter, session: Doc<"sessions">) {
  const agent = await db.get("agents", session.agentId);
  if (agent === null) return;
  const assigneeId = await routeOf(db, agent);
  if (assigneeId === null) return;
  await db.patch("sessions", session._id, { assigneeId });
  await recordAudit(db, { orgId: session.orgId, action: "session.assigned", target: `session:${session._id}` });
}

import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { latestSessionOf } from "./sessions";

/**
 * Folding one person's second contact into the first (contacts.ts `findPerson` links them): the
 * dropped contact's sessions hand their messages, stage events, labels and mentions to the kept
 * contact's newest session, a bounded batch per step, then disappear with the dropped contact.
 */

/** Rows moved per step: far inside Convex's per-transaction limits. */
const BATCH = 100;

type Ids = { keepId: Id<"contacts">; dropId: Id<"contacts"> };

/** The conversation list's row after another session's messages joined it. */
function foldedSession(keep: Doc<"sessions">, drop: Doc<"sessions">): Partial<Doc<"sessions">> {
  const dropNewer = drop.lastMessageAt > keep.lastMessageAt;
  const earliest = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  return {
    unreadCount: keep.unreadCount + drop.unreadCount,
    lastMessageAt: Math.max(keep.lastMessageAt, drop.lastMessageAt),
    ...(dropNewer
      ? { lastMessagePreview: drop.lastMessagePreview, lastMessageDirection: drop.lastMessageDirection, lastMessageKind: drop.lastMessageKind }
      : {}),
    firstInboundAt: earliest(keep.firstInboundAt, drop.firstInboundAt),
    needsAttention: keep.needsAttention || drop.needsAttention,
    waitingSince: earliest(keep.waitingSince, drop.waitingSince),
    ...(keep.status === "resolved" && drop.status !== "resolved" ? { status: drop.status } : {}),
  };
}

/** Moves one batch of the dropped session's rows; true when some were moved (more may remain). */
async function moveBatch(db: DatabaseWriter, drop: Doc<"sessions">, keep: Doc<"sessions">): Promise<boolean> {
  const messages = await db
    .query("messages")
    .withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", drop.orgId).eq("sessionId", drop._id))
    .take(BATCH);
  // Their customer numbers belong to the other session's count: the bot treats them as answered.
  for (const message of messages) await db.patch("messages", message._id, { sessionId: keep._id, inboundSeq: undefined });
  if (messages.length > 0) return true;
  const events = await db
    .query("stageEvents")
    .withIndex("by_org_and_session_and_at", (q) => q.eq("orgId", drop.orgId).eq("sessionId", drop._id))
    .take(BATCH);
  for (const event of events) await db.patch("stageEvents", event._id, { sessionId: keep._id });
  if (events.length > 0) return true;
  const labels = await db
    .query("sessionLabels")
    .withIndex("by_org_and_session_and_label", (q) => q.eq("orgId", drop.orgId).eq("sessionId", drop._id))
    .take(BATCH);
  for (const label of labels) {
    const kept = await db
      .query("sessionLabels")
      .withIndex("by_org_and_session_and_label", (q) => q.eq("orgId", drop.orgId).eq("sessionId", keep._id).eq("labelId", label.labelId))
      .first();
    if (kept === null) await db.patch("sessionLabels", label._id, { sessionId: keep._id, lastMessageAt: keep.lastMessageAt });
    else await db.delete("sessionLabels", label._id);
  }
  return labels.length > 0;
}

/** One step of the fold; true when another step is needed. */
export async function foldStep(db: DatabaseWriter, { keepId, dropId }: Ids): Promise<boolean> {
  const keepContact = await db.get("contacts", keepId);
  const dropContact = await db.get("contacts", dropId);
  if (keepContact === null || dropContact === null || dropContact.mergedIntoId !== keepId) return false;
  const dropSession = await latestSessionOf(db, { _id: dropContact.agentId, orgId: dropContact.orgId }, dropId);
  if (dropSession === null) {
    // Nothing left of the second contact but itself; an opt-out given under it still holds.
    if (dropContact.optedOutAt !== undefined && keepContact.optedOutAt === undefined) {
      await db.patch("contacts", keepId, { optedOutAt: dropContact.optedOutAt });
    }
    await db.delete("contacts", dropId);
    return false;
  }
  const keepSession = await latestSessionOf(db, { _id: keepContact.agentId, orgId: keepContact.orgId }, keepId);
  if (keepSession === null || keepSession._id === dropSession._id) {
    await db.patch("sessions", dropSession._id, { contactId: keepId });
    return true;
  }
  if (await moveBatch(db, dropSession, keepSession)) return true;
  await db.patch("sessions", keepSession._id, foldedSession(keepSession, dropSession));
  await db.delete("sessions", dropSession._id);
  return true;
}

import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";

/**
 * Read state per member: how far each one has read each conversation, as a customer-message number
 * (sessions number their customer messages, `inboundSeq`). Unread for a member is the difference,
 * so neither a new message nor another member's reading touches anyone's row.
 */
async function readStateOf(db: DatabaseReader, session: Pick<Doc<"sessions">, "_id" | "orgId">, userId: Id<"users">) {
  return db
    .query("readStates")
    .withIndex("by_org_and_user_and_session", (q) => q.eq("orgId", session.orgId).eq("userId", userId).eq("sessionId", session._id))
    .unique();
}

/** The member's read mark; 0 when they never opened the conversation. */
export async function readSeqOf(db: DatabaseReader, session: Pick<Doc<"sessions">, "_id" | "orgId">, userId: Id<"users">) {
  return (await readStateOf(db, session, userId))?.readSeq ?? 0;
}

export function unreadFor(session: Pick<Doc<"sessions">, "inboundSeq">, readSeq: number): number {
  return Math.max(0, (session.inboundSeq ?? 0) - readSeq);
}

/** Marks every customer message so far read by this member only; writes nothing when already read. */
export async function markReadFor(db: DatabaseWriter, session: Doc<"sessions">, userId: Id<"users">) {
  const readSeq = session.inboundSeq ?? 0;
  const state = await readStateOf(db, session, userId);
  if (state === null) await db.insert("readStates", { orgId: session.orgId, userId, sessionId: session._id, readSeq });
  else if (state.readSeq < readSeq) await db.patch("readStates", state._id, { readSeq });
}

import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { fail } from "../lib/errors";

/** The org's session or NOT_FOUND; row-level security already hides other orgs' rows. */
export async function sessionX(db: DatabaseReader, sessionId: Id<"sessions">): Promise<Doc<"sessions">> {
  const session = await db.get("sessions", sessionId);
  if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
  return session;
}

/** Most unseen mentions read at once (the badge shows "99+" past it); bounds every mention read. */
export const MAX_MENTIONS_READ = 100;

/** The member's unseen mentions, newest first. */
export function unseenMentionsOf(db: DatabaseReader, orgId: Id<"organizations">, userId: Id<"users">) {
  return db
    .query("mentions")
    .withIndex("by_org_and_user_and_seenAt_and_at", (q) => q.eq("orgId", orgId).eq("userId", userId).eq("seenAt", undefined))
    .order("desc");
}

/** Opening a thread is seeing the mentions of me in it. */
export async function markMentionsSeen(db: DatabaseWriter, session: Doc<"sessions">, userId: Id<"users">) {
  const mentions = await db
    .query("mentions")
    .withIndex("by_org_and_user_and_session", (q) => q.eq("orgId", session.orgId).eq("userId", userId).eq("sessionId", session._id))
    .take(MAX_MENTIONS_READ);
  const now = Date.now();
  for (const mention of mentions) if (mention.seenAt === undefined) await db.patch("mentions", mention._id, { seenAt: now });
}

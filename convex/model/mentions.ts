import type { Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { fail } from "../lib/errors";
import { membershipOf } from "./directory";

/** More names than any note needs; keeps one note's writes small. */
export const MAX_MENTIONS_PER_NOTE = 20;

type OrgId = Id<"organizations">;

/** The mentioned people, each a current member of the org; anyone else is refused, not skipped. */
export async function mentionedMembersX(db: DatabaseReader, orgId: OrgId, userIds: Id<"users">[]): Promise<Id<"users">[]> {
  const unique = [...new Set(userIds)];
  if (unique.length > MAX_MENTIONS_PER_NOTE) fail("INVALID_ARGUMENT", `A note may mention at most ${MAX_MENTIONS_PER_NOTE} people.`);
  for (const userId of unique) {
    const membership = await membershipOf(db, orgId, userId);
    if (membership === null || membership.deletedAt !== undefined) fail("INVALID_ARGUMENT", "Only members of this organization can be mentioned.");
  }
  return unique;
}

type MentionSource = { orgId: OrgId; sessionId: Id<"sessions">; messageId: Id<"messages">; byUserId: Id<"users">; at: number };

/** One unseen mention per person named (the author naming themself is not a mention). */
export async function recordMentions(db: DatabaseWriter, source: MentionSource, userIds: Id<"users">[]) {
  for (const userId of userIds) {
    if (userId !== source.byUserId) await db.insert("mentions", { ...source, userId });
  }
}

/** Opening the conversation: this member's mentions in it are seen. Called by sessions.markRead. */
export async function markMentionsSeen(db: DatabaseWriter, orgId: OrgId, userId: Id<"users">, sessionId: Id<"sessions">) {
  // Only unseen rows are read (seen ones pile up forever): this member's unseen mentions, all sessions.
  const unseen = await db
    .query("mentions")
    .withIndex("by_org_and_user_and_seenAt_and_at", (q) => q.eq("orgId", orgId).eq("userId", userId).eq("seenAt", undefined))
    .take(MAX_UNSEEN);
  const at = Date.now();
  for (const mention of unseen) {
    if (mention.sessionId === sessionId) await db.patch("mentions", mention._id, { seenAt: at });
  }
}

// Unseen mentions of one person: far more than anyone lets pile up.
const MAX_UNSEEN = 500;

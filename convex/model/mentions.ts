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

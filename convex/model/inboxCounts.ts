import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { counterKeysOf } from "../../lib/inbox/views";

type SessionDoc = Doc<"sessions"> | null;

async function counterRow(db: DatabaseReader, orgId: Id<"organizations">, key: string) {
  return db
    .query("inboxCounts")
    .withIndex("by_org_and_key", (q) => q.eq("orgId", orgId).eq("key", key))
    .unique();
}

/** One view's count: one indexed read, whatever the history. */
export async function countOf(db: DatabaseReader, orgId: Id<"organizations">, key: string): Promise<number> {
  return (await counterRow(db, orgId, key))?.count ?? 0;
}

async function addToCount(db: DatabaseWriter, orgId: Id<"organizations">, key: string, delta: number) {
  const row = await counterRow(db, orgId, key);
  if (row === null) await db.insert("inboxCounts", { orgId, key, count: Math.max(0, delta) });
  else await db.patch("inboxCounts", row._id, { count: Math.max(0, row.count + delta) });
}

/**
 * A session write moves it between views: −1 for each view it left, +1 for each it joined. Most
 * writes (a new message, the bot's bookkeeping) change no view and write nothing.
 */
export async function applyInboxCountChange(db: DatabaseWriter, oldDoc: SessionDoc, newDoc: SessionDoc) {
  const before = oldDoc ? counterKeysOf(oldDoc) : [];
  const after = newDoc ? counterKeysOf(newDoc) : [];
  if (before.join() === after.join()) return;
  const orgId = (newDoc ?? oldDoc)!.orgId;
  // A deleted organization's rows are being purged: its counts go with them.
  const org = await db.get("organizations", orgId);
  if (org === null || org.deletedAt !== undefined) return;
  for (const key of before) if (!after.includes(key)) await addToCount(db, orgId, key, -1);
  for (const key of after) if (!before.includes(key)) await addToCount(db, orgId, key, 1);
}

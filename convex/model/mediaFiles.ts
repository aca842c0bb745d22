import type { Change } from "convex-helpers/server/triggers";
import { internal } from "../_generated/api";
import type { DataModel, Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter, MutationCtx } from "../_generated/server";

/**
 * A received message's file, from "pending" (stored by the webhook) to "ready" (in our file storage)
 * or "failed" (after the last try). The download runs after the webhook answered: a trigger on
 * `messages` schedules it whenever a message becomes pending, so ingest and the retry button share
 * one path and no writer has to remember it.
 */

/** Tries before a file is given up on; the waits between them grow. */
export const MAX_DOWNLOAD_ATTEMPTS = 3;
const RETRY_DELAYS_MS = [5_000, 30_000];

export function retryDelayMs(attemptsSoFar: number): number {
  return RETRY_DELAYS_MS[Math.min(attemptsSoFar, RETRY_DELAYS_MS.length) - 1];
}

type MessageChange = Change<DataModel, "messages">;
type TriggerCtx = Pick<MutationCtx, "scheduler" | "storage" | "db">;

const isPending = (message: Doc<"messages"> | null) => message?.media?.state === "pending";

/** The trigger: a message that just became pending gets a download; a deleted received file goes. */
export async function onMessageMediaChange(ctx: TriggerCtx, change: MessageChange): Promise<void> {
  if (isPending(change.newDoc) && !isPending(change.oldDoc)) {
    const { orgId, _id: messageId } = change.newDoc!;
    await ctx.scheduler.runAfter(0, internal.media.download, { orgId, messageId });
  }
  // A received file belongs to its message (a sent one to its upload row, see onUploadChange).
  const removed = change.operation === "delete" ? change.oldDoc : null;
  if (removed?.direction === "in" && removed.media?.storageId !== undefined) await ctx.storage.delete(removed.media.storageId);
}

/** Purging an upload row frees its file. */
export async function onUploadChange(ctx: TriggerCtx, change: Change<DataModel, "uploads">): Promise<void> {
  if (change.operation === "delete") await ctx.storage.delete(change.oldDoc.storageId);
}

/**
 * Removing an inline file's row frees the file, unless its message adopted it (the download keeps the
 * webhook's copy rather than storing a second one). Covers a refused file, a message deleted before its
 * download, and the purge.
 */
export async function onInlineMediaChange(ctx: TriggerCtx, change: Change<DataModel, "mediaInbox">): Promise<void> {
  if (change.operation !== "delete") return;
  const message = await ctx.db.get("messages", change.oldDoc.messageId);
  if (message?.media?.storageId !== change.oldDoc.storageId) await ctx.storage.delete(change.oldDoc.storageId);
}

/** The inline copy of a message's file the webhook carried (already in file storage), if any. */
export async function inlineMediaOf(db: DatabaseReader, orgId: Id<"organizations">, messageId: Id<"messages">) {
  return db
    .query("mediaInbox")
    .withIndex("by_org_and_message", (q) => q.eq("orgId", orgId).eq("messageId", messageId))
    .first();
}

export async function dropInlineMedia(db: DatabaseWriter, orgId: Id<"organizations">, messageId: Id<"messages">) {
  const inline = await inlineMediaOf(db, orgId, messageId);
  if (inline !== null) await db.delete("mediaInbox", inline._id);
}

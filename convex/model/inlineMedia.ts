import type { Id } from "../_generated/dataModel";
import type { ActionCtx } from "../_generated/server";
import { MAX_WEBHOOK_BODY_BYTES } from "../lib/http";

/**
 * Files Evolution inlines in `messages.upsert` (`data.message.base64`, webhook `base64: true`). The
 * webhook puts the bytes in file storage before the ingest mutation (a document holds at most 1 MiB),
 * and the mutation files them in `mediaInbox` for the media download, which then needs no gateway call.
 *
 * Limits: an inlined file up to MAX_INLINE_FILE_BYTES decoded is kept; a body carrying a larger one is
 * refused (413) before parsing, which loses that message (Evolution does not retry a 4xx). Everything
 * else in a body still counts against the 1 MiB webhook limit.
 */

/** The largest decoded file the webhook keeps from a body (an HTTP action has 64 MiB of memory). */
export const MAX_INLINE_FILE_BYTES = 9 * 1024 * 1024;
/** Base64 is 4/3 of the bytes; the rest of the envelope has its own 1 MiB. */
export const MAX_INLINE_MEDIA_BODY_BYTES = Math.ceil((MAX_INLINE_FILE_BYTES * 4) / 3) + MAX_WEBHOOK_BODY_BYTES;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Whether a body over 1 MiB is only large because of `data.message.base64`. */
export function withinLimitWithoutInlineFile(payload: unknown): boolean {
  const message = asRecord(asRecord(asRecord(payload)?.data)?.message);
  const base64 = message?.base64;
  if (typeof base64 !== "string") return false;
  const rest = { ...asRecord(payload), data: { ...asRecord(asRecord(payload)!.data), message: { ...message, base64: "" } } };
  return new TextEncoder().encode(JSON.stringify(rest)).byteLength <= MAX_WEBHOOK_BODY_BYTES;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Raw base64 (a data: URL prefix tolerated) as bytes; null when malformed or over the limit. */
export function decodeInlineFile(base64: string): Uint8Array | null {
  const data = base64.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (data.length === 0 || data.length % 4 !== 0 || !BASE64.test(data)) return null;
  const size = (data.length / 4) * 3 - (data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0);
  if (size > MAX_INLINE_FILE_BYTES) return null;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Stores an inlined file; null when it is unusable (the download then asks the gateway as for any file). */
export async function storeInlineFile(
  ctx: Pick<ActionCtx, "storage">,
  base64: string,
  mimeType: string | undefined,
): Promise<{ storageId: Id<"_storage">; mimeType?: string } | null> {
  const bytes = decodeInlineFile(base64);
  if (bytes === null) return null;
  const storageId = await ctx.storage.store(new Blob([bytes as BlobPart], mimeType ? { type: mimeType } : {}));
  return mimeType ? { storageId, mimeType } : { storageId };
}

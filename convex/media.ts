import { v } from "convex/values";
import { base64ToBytes, MAX_MEDIA_BYTES, mediaRefusal, outboundMediaTypeOf } from "../lib/whatsapp/mediaPolicy";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { internalAction, internalMutation, internalOrgMutation, internalOrgQuery, orgAction, orgMutation, orgQuery } from "./lib/functions";
import { userByExternalId } from "./model/directory";
import { gatewayFromEnv } from "./model/gateway";
import { dropInlineMedia, inlineMediaOf, MAX_DOWNLOAD_ATTEMPTS, retryDelayMs } from "./model/mediaFiles";
import { messageKindValidator } from "./schema";

/**
 * Media files: received ones fetched into file storage (download → markReady / recordFailure, with
 * retries), served to members of the org only (fileUrl), and uploads from the composer (claimed by
 * the org before anything can send them).
 */

async function ownMessageX(db: DatabaseReader, messageId: Id<"messages">) {
  const message = await db.get("messages", messageId);
  if (message === null) fail("NOT_FOUND", "This message does not exist.");
  return message;
}

// ---- Download ------------------------------------------------------------------------------------

const downloadPlanValidator = v.union(
  v.null(),
  v.object({
    kind: messageKindValidator,
    instanceName: v.string(),
    externalId: v.union(v.string(), v.null()),
    mimeType: v.union(v.string(), v.null()),
    declaredSize: v.union(v.number(), v.null()),
    // The webhook's inline copy, already in file storage: checked and adopted, never fetched again.
    inline: v.union(v.null(), v.object({ storageId: v.id("_storage"), mimeType: v.union(v.string(), v.null()), size: v.number() })),
  }),
);

/** What the download needs; null when there is nothing (left) to fetch. */
export const downloadPlan = internalOrgQuery({
  args: { messageId: v.id("messages") },
  returns: downloadPlanValidator,
  handler: async (ctx, { messageId }) => {
    const message = await ctx.db.get("messages", messageId);
    if (message?.media?.state !== "pending") return null;
    const agent = await ctx.db.get("agents", message.agentId);
    const inline = await inlineMediaOf(ctx.db, ctx.org._id, messageId);
    const file = inline === null ? null : await ctx.db.system.get("_storage", inline.storageId);
    return {
      kind: message.kind ?? "document",
      instanceName: agent?.instanceName ?? "",
      externalId: message.externalId ?? null,
      mimeType: message.media.mimeType ?? null,
      declaredSize: message.media.size ?? null,
      inline: inline === null || file === null ? null : { storageId: inline.storageId, mimeType: inline.mimeType ?? file.contentType ?? null, size: file.size },
    };
  },
});

type Fetched = { base64: string; mimeType: string | null; fileName: string | null };

/** The file's bytes from the gateway (`getBase64FromMediaMessage`). */
async function fetchMedia(plan: NonNullable<typeof downloadPlanValidator.type>): Promise<Fetched> {
  if (plan.externalId === null) throw new Error("A media message without a WhatsApp id cannot be fetched.");
  const answer = await gatewayFromEnv().mediaOf(plan.instanceName, plan.externalId);
  return { base64: answer.base64, mimeType: answer.mimetype ?? plan.mimeType, fileName: answer.fileName };
}

/** Scheduled by the messages trigger (model/mediaFiles.ts) and by each retry. */
export const download = internalAction({
  args: { orgId: v.id("organizations"), messageId: v.id("messages") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const plan = await ctx.runQuery(internal.media.downloadPlan, args);
    if (plan === null) return null;
    // WhatsApp says how big the file is: one over the cap is not even fetched.
    if (plan.declaredSize !== null && plan.declaredSize > MAX_MEDIA_BYTES) {
      await ctx.runMutation(internal.media.recordFailure, { ...args, final: true });
      return null;
    }
    if (plan.inline !== null) {
      // The webhook carried the file: check it like a fetched one, then keep that very copy.
      const mimeType = plan.inline.mimeType ?? plan.mimeType;
      if (mediaRefusal(plan.kind, mimeType, plan.inline.size) !== null) {
        await ctx.runMutation(internal.media.recordFailure, { ...args, final: true });
        return null;
      }
      await ctx.runMutation(internal.media.markReady, { ...args, storageId: plan.inline.storageId, mimeType: mimeType!, size: plan.inline.size });
      return null;
    }
    let fetched: Fetched;
    try {
      fetched = await fetchMedia(plan);
    } catch {
      await ctx.runMutation(internal.media.recordFailure, { ...args, final: false });
      return null;
    }
    // Refused before decoding: base64 is 4 characters for every 3 bytes.
    const roughSize = Math.floor((fetched.base64.length * 3) / 4);
    const refusal = mediaRefusal(plan.kind, fetched.mimeType, Math.min(roughSize, MAX_MEDIA_BYTES + 1));
    if (refusal !== null) {
      await ctx.runMutation(internal.media.recordFailure, { ...args, final: true });
      return null;
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(fetched.base64);
    } catch {
      await ctx.runMutation(internal.media.recordFailure, { ...args, final: true });
      return null;
    }
    const storageId = await ctx.storage.store(new Blob([bytes], { type: fetched.mimeType! }));
    await ctx.runMutation(internal.media.markReady, {
      ...args,
      storageId,
      mimeType: fetched.mimeType!,
      size: bytes.length,
      fileName: fetched.fileName ?? undefined,
    });
    return null;
  },
});

export const markReady = internalOrgMutation({
  args: { messageId: v.id("messages"), storageId: v.id("_storage"), mimeType: v.string(), size: v.number(), fileName: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { messageId, storageId, mimeType, size, fileName }) => {
    const message = await ctx.db.get("messages", messageId);
    // Deleted (or already fetched by an overlapping try) meanwhile: this copy is not needed. The inline
    // copy goes with its row (onInlineMediaChange); a fetched one is deleted here.
    if (message?.media?.state !== "pending") {
      const inline = await inlineMediaOf(ctx.db, ctx.org._id, messageId);
      if (inline?.storageId === storageId) await dropInlineMedia(ctx.db, ctx.org._id, messageId);
      else await ctx.storage.delete(storageId);
      return null;
    }
    const media = { ...message.media, state: "ready" as const, storageId, mimeType, size, fileName: message.media.fileName ?? fileName };
    await ctx.db.patch("messages", messageId, { media });
    await dropInlineMedia(ctx.db, ctx.org._id, messageId);
    return null;
  },
});

/**
 * One failed try: retried later while tries remain, else (or when `final`: a refused type or size)
 * marked failed. Only `media` changes; the message, its caption and everything else stay.
 */
export const recordFailure = internalOrgMutation({
  args: { messageId: v.id("messages"), final: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { messageId, final }) => {
    const message = await ctx.db.get("messages", messageId);
    if (message?.media?.state !== "pending") return null;
    const attempts = (message.media.attempts ?? 0) + 1;
    if (final || attempts >= MAX_DOWNLOAD_ATTEMPTS) {
      await ctx.db.patch("messages", messageId, { media: { ...message.media, state: "failed", attempts } });
      await dropInlineMedia(ctx.db, ctx.org._id, messageId);
      return null;
    }
    await ctx.db.patch("messages", messageId, { media: { ...message.media, attempts } });
    await ctx.scheduler.runAfter(retryDelayMs(attempts), internal.media.download, { orgId: ctx.org._id, messageId });
    return null;
  },
});

/** "Couldn't load this file — Retry": back to pending, which schedules a fresh download (trigger). */
export const retry = orgMutation({
  args: { messageId: v.id("messages") },
  returns: v.null(),
  handler: async (ctx, { messageId }) => {
    const message = await ownMessageX(ctx.db, messageId);
    if (message.media?.state !== "failed") fail("CONFLICT", "This file is not waiting for a retry.");
    await ctx.db.patch("messages", messageId, { media: { ...message.media, state: "pending", attempts: 0 } });
    return null;
  },
});

// ---- Serving -------------------------------------------------------------------------------------

/** A short-lived link to a message's file, for members of its org only; null while not ready. */
export const fileUrl = orgQuery({
  args: { messageId: v.id("messages") },
  returns: v.union(v.string(), v.null()),
  handler: async (ctx, { messageId }) => {
    const message = await ownMessageX(ctx.db, messageId);
    if (message.deletedAt !== undefined) return null;
    const storageId = message.media?.state === "ready" ? message.media.storageId : undefined;
    return storageId === undefined ? null : ctx.storage.getUrl(storageId);
  },
});

// ---- Uploads from the composer -------------------------------------------------------------------

export const generateUploadUrl = orgMutation({
  args: {},
  returns: v.string(),
  handler: async (ctx) => ctx.storage.generateUploadUrl(),
});

const uploadViewValidator = v.object({ storageId: v.id("_storage"), fileName: v.string(), mimeType: v.string(), size: v.number() });

const REFUSALS = {
  type: "This kind of file cannot be sent on WhatsApp. Send an image, a video, an audio file, a PDF or an office document.",
  size: `A file can be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`,
} as const;

/**
 * After the browser uploaded a file: checks it (size, type) and claims it for this org. A refused
 * file is deleted, then the call fails with INVALID_ARGUMENT (an action, so the delete is not rolled
 * back with the error).
 */
export const confirmUpload = orgAction({
  args: { storageId: v.id("_storage"), fileName: v.string(), mimeType: v.string() },
  returns: uploadViewValidator,
  handler: async (ctx, args): Promise<typeof uploadViewValidator.type> => {
    const fileName = args.fileName.trim().slice(0, 200) || "file";
    const verdict = await ctx.runMutation(internal.media.claimUpload, {
      ...args,
      fileName,
      orgId: ctx.org._id,
      userExternalId: ctx.viewerExternalId,
    });
    if (verdict.outcome === "unknown") fail("NOT_FOUND", "This file does not exist.");
    if (verdict.outcome !== "claimed") fail("INVALID_ARGUMENT", REFUSALS[verdict.outcome]);
    return verdict.upload;
  },
});

/**
 * Global on purpose: whether a storage id is already claimed is a question across orgs (another
 * org's file answers "unknown", as if it did not exist).
 */
export const claimUpload = internalMutation({
  args: {
    orgId: v.id("organizations"),
    userExternalId: v.string(),
    storageId: v.id("_storage"),
    fileName: v.string(),
    mimeType: v.string(),
  },
  returns: v.union(
    v.object({ outcome: v.literal("claimed"), upload: uploadViewValidator }),
    v.object({ outcome: v.union(v.literal("unknown"), v.literal("type"), v.literal("size")) }),
  ),
  handler: async (ctx, { orgId, userExternalId, storageId, fileName, mimeType }) => {
    const file = await ctx.db.system.get("_storage", storageId);
    if (file === null) return { outcome: "unknown" as const };
    const claim = await ctx.db
      .query("uploads")
      .withIndex("by_storageId", (q) => q.eq("storageId", storageId))
      .first();
    if (claim !== null) {
      if (claim.orgId !== orgId) return { outcome: "unknown" as const };
      return { outcome: "claimed" as const, upload: uploadView(claim) };
    }
    // The stored type wins; the browser's word is the fallback for stores that keep none.
    const type = file.contentType ?? mimeType;
    const refusal: "type" | "size" | null = outboundMediaTypeOf(type) === null ? "type" : file.size > MAX_MEDIA_BYTES ? "size" : null;
    if (refusal !== null) {
      await ctx.storage.delete(storageId);
      return { outcome: refusal };
    }
    const user = await userByExternalId(ctx.db, userExternalId);
    const row = { orgId, storageId, userId: user?._id, fileName, mimeType: type, size: file.size };
    await ctx.db.insert("uploads", row);
    return { outcome: "claimed" as const, upload: uploadView(row) };
  },
});

function uploadView(row: Pick<Doc<"uploads">, "storageId" | "fileName" | "mimeType" | "size">) {
  return { storageId: row.storageId, fileName: row.fileName, mimeType: row.mimeType, size: row.size };
}

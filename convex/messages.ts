import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { clampPage } from "./lib/pagination";
import { internalOrgMutation, orgAction, orgMutation, orgQuery } from "./lib/functions";
import { outboundMediaTypeOf } from "../lib/whatsapp/mediaPolicy";
import { MAX_CAPTION_LENGTH, quoteOfX, reopenedBy, replyTargetX } from "./model/outbound";
import { failFromGateway, gatewayFromEnv } from "./model/gateway";
import { confirmOutbound, MAX_TEXT_LENGTH, recordOutbound, toMessageView } from "./model/messages";
import { authorsOfPage } from "./model/authors";
import { userByExternalId } from "./model/directory";
import { applyMessageToSession } from "./model/sessions";
import { messageViewValidator } from "./model/views";
import { WRITES, withinOrgLimitsX } from "./model/rateLimits";

/** Newest first, one page at a time. */
export const list = orgQuery({
  args: { sessionId: v.id("sessions"), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(messageViewValidator),
  handler: async (ctx, { sessionId, paginationOpts }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
    const page = await ctx.db
      .query("messages")
      .withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", ctx.org._id).eq("sessionId", session._id))
      .order("desc")
      .paginate(clampPage(paginationOpts));
    const authorOf = await authorsOfPage(ctx.db, session, page.page);
    return { ...page, page: page.page.map((message) => toMessageView(message, authorOf(message))) };
  },
});

type HumanReply = { messageId: Id<"messages">; instanceName: string; number: string; quotedExternalId: string | null };

/**
 * A person's reply, sent through the agent's WhatsApp: stored "pending" first so it shows at once,
 * then "sent" with WhatsApp's id (which the send.message webhook matches), or "failed".
 */
export const sendHuman = orgAction({
  args: { sessionId: v.id("sessions"), text: v.string(), quotedMessageId: v.optional(v.id("messages")) },
  returns: v.object({ messageId: v.id("messages") }),
  handler: async (ctx, { sessionId, text, quotedMessageId }): Promise<{ messageId: Id<"messages"> }> => {
    const body = text.trim();
    if (body.length === 0) fail("INVALID_ARGUMENT", "Write a message first.");
    if (body.length > MAX_TEXT_LENGTH) fail("INVALID_ARGUMENT", `A message holds at most ${MAX_TEXT_LENGTH} characters.`);
    const gateway = gatewayFromEnv();
    const orgId = ctx.org._id;
    const reply: HumanReply = await ctx.runMutation(internal.messages.insertHumanReply, {
      orgId,
      sessionId,
      text: body,
      quotedMessageId,
      authorExternalId: ctx.viewerExternalId,
    });
    const quotedExternalId = reply.quotedExternalId ?? undefined;
    let externalId: string;
    try {
      ({ externalId } = await gateway.sendText(reply.instanceName, { number: reply.number, text: body, quotedExternalId }));
    } catch (error) {
      await ctx.runMutation(internal.messages.markFailed, { orgId, messageId: reply.messageId });
      failFromGateway(error);
    }
    await ctx.runMutation(internal.messages.markSent, { orgId, messageId: reply.messageId, externalId });
    return { messageId: reply.messageId };
  },
});

/** Checks everything a reply needs, then stores it "pending" and updates the conversation list row. */
export const insertHumanReply = internalOrgMutation({
  // The sender's auth-provider id: actions have no database, so the member is looked up here.
  args: {
    sessionId: v.id("sessions"),
    text: v.string(),
    quotedMessageId: v.optional(v.id("messages")),
    authorExternalId: v.optional(v.string()),
  },
  returns: v.object({ messageId: v.id("messages"), instanceName: v.string(), number: v.string(), quotedExternalId: v.union(v.string(), v.null()) }),
  handler: async (ctx, { sessionId, text, quotedMessageId, authorExternalId }) => {
    await withinOrgLimitsX(ctx.db, WRITES, ctx.org._id, authorExternalId ?? null);
    const { session, agent, number } = await replyTargetX(ctx.db, sessionId);
    const quoted = await quoteOfX(ctx.db, session, quotedMessageId);
    const sentAt = Date.now();
    const author = authorExternalId === undefined ? null : await userByExternalId(ctx.db, authorExternalId);
    const authorUserId = author?._id;
    const messageId = await recordOutbound(ctx.db, session, { author: "human", authorUserId, text, sentAt, delivery: "pending", quoted });
    // A person answering takes the conversation over: the bot stops until someone resumes it.
    await applyMessageToSession(ctx.db, session, { direction: "out", author: "human", onPhone: false, text, sentAt }, reopenedBy(session));
    return { messageId, instanceName: agent.instanceName, number, quotedExternalId: quoted?.externalId ?? null };
  },
});

/**
 * A member's file (uploaded and claimed through media.confirmUpload), stored "pending" at once and
 * sent by a scheduled action (outbound.deliver), with the same delivery states as a text.
 */
export const sendMedia = orgMutation({
  args: {
    sessionId: v.id("sessions"),
    storageId: v.id("_storage"),
    caption: v.optional(v.string()),
    quotedMessageId: v.optional(v.id("messages")),
  },
  returns: v.object({ messageId: v.id("messages") }),
  handler: async (ctx, { sessionId, storageId, caption, quotedMessageId }) => {
    const text = (caption ?? "").trim();
    if (text.length > MAX_CAPTION_LENGTH) fail("INVALID_ARGUMENT", `A caption holds at most ${MAX_CAPTION_LENGTH} characters.`);
    await withinOrgLimitsX(ctx.db, WRITES, ctx.org._id, ctx.viewer.externalId);
    const upload = await uploadOfX(ctx.db, ctx.org._id, storageId);
    const { session } = await replyTargetX(ctx.db, sessionId);
    const quoted = await quoteOfX(ctx.db, session, quotedMessageId);
    const sentAt = Date.now();
    const messageId = await recordOutbound(ctx.db, session, {
      author: "human",
      authorUserId: ctx.viewer.userId ?? undefined,
      text,
      sentAt,
      delivery: "pending",
      quoted,
      kind: outboundMediaTypeOf(upload.mimeType) ?? "document",
      media: { state: "ready", storageId, mimeType: upload.mimeType, size: upload.size, fileName: upload.fileName },
    });
    await applyMessageToSession(ctx.db, session, { direction: "out", author: "human", onPhone: false, text: text || upload.fileName, sentAt }, reopenedBy(session));
    await ctx.scheduler.runAfter(0, internal.outbound.deliver, { orgId: ctx.org._id, messageId });
    return { messageId };
  },
});

/** "Not delivered — Retry": a member's failed send (text or file) goes out again. */
export const retrySend = orgMutation({
  args: { messageId: v.id("messages") },
  returns: v.null(),
  handler: async (ctx, { messageId }) => {
    const message = await ownMessageX(ctx.db, messageId);
    if (message.direction !== "out" || message.author !== "human" || message.delivery !== "failed") {
      fail("CONFLICT", "Only a reply that was not delivered can be sent again.");
    }
    await replyTargetX(ctx.db, message.sessionId);
    await ctx.db.patch("messages", messageId, { delivery: "pending" });
    await ctx.scheduler.runAfter(0, internal.outbound.deliver, { orgId: ctx.org._id, messageId });
    return null;
  },
});

/** A file this org uploaded and claimed; anything else (another org's, never claimed) is NOT_FOUND. */
async function uploadOfX(db: DatabaseReader, orgId: Id<"organizations">, storageId: Id<"_storage">) {
  const upload = await db
    .query("uploads")
    .withIndex("by_org_and_storageId", (q) => q.eq("orgId", orgId).eq("storageId", storageId))
    .first();
  if (upload === null) fail("NOT_FOUND", "This file was not uploaded here. Attach it again.");
  return upload;
}

async function ownMessageX(db: DatabaseReader, messageId: Id<"messages">) {
  const message = await db.get("messages", messageId);
  if (message === null) fail("NOT_FOUND", "This message does not exist.");
  return message;
}

/** Records WhatsApp's id; a send.message echo that won the race is folded in (model/messages.ts). */
export const markSent = internalOrgMutation({
  args: { messageId: v.id("messages"), externalId: v.string() },
  returns: v.null(),
  handler: async (ctx, { messageId, externalId }) => {
    await confirmOutbound(ctx.db, await ownMessageX(ctx.db, messageId), externalId);
    return null;
  },
});

export const markFailed = internalOrgMutation({
  args: { messageId: v.id("messages") },
  returns: v.null(),
  handler: async (ctx, { messageId }) => {
    const message = await ownMessageX(ctx.db, messageId);
    await ctx.db.patch("messages", message._id, { delivery: "failed" });
    return null;
  },
});

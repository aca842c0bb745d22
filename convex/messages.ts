import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { clampPage } from "./lib/pagination";
import { internalOrgMutation, orgAction, orgQuery } from "./lib/functions";
import { sendTargetOf } from "./model/contacts";
import { failFromGateway, gatewayFromEnv } from "./model/gateway";
import { confirmOutbound, MAX_TEXT_LENGTH, recordOutbound, toMessageView } from "./model/messages";
import { authorsOfPage } from "./model/authors";
import { userByExternalId } from "./model/directory";
import { applyMessageToSession } from "./model/sessions";
import { messageViewValidator } from "./model/views";

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

type HumanReply = { messageId: Id<"messages">; instanceName: string; number: string };

/**
 * A person's reply, sent through the agent's WhatsApp: stored "pending" first so it shows at once,
 * then "sent" with WhatsApp's id (which the send.message webhook matches), or "failed".
 */
export const sendHuman = orgAction({
  args: { sessionId: v.id("sessions"), text: v.string() },
  returns: v.object({ messageId: v.id("messages") }),
  handler: async (ctx, { sessionId, text }): Promise<{ messageId: Id<"messages"> }> => {
    const body = text.trim();
    if (body.length === 0) fail("INVALID_ARGUMENT", "Write a message first.");
    if (body.length > MAX_TEXT_LENGTH) fail("INVALID_ARGUMENT", `A message holds at most ${MAX_TEXT_LENGTH} characters.`);
    const gateway = gatewayFromEnv();
    const orgId = ctx.org._id;
    const reply: HumanReply = await ctx.runMutation(internal.messages.insertHumanReply, {
      orgId,
      sessionId,
      text: body,
      authorExternalId: ctx.viewerExternalId,
    });
    let externalId: string;
    try {
      ({ externalId } = await gateway.sendText(reply.instanceName, { number: reply.number, text: body }));
    } catch (error) {
      await ctx.runMutation(internal.messages.markFailed, { orgId, messageId: reply.messageId });
      failFromGateway(error);
    }
    await ctx.runMutation(internal.messages.markSent, { orgId, messageId: reply.messageId, externalId });
    return { messageId: reply.messageId };
  },
});

async function sendableAgentX(db: DatabaseReader, agentId: Id<"agents">) {
  const agent = await db.get("agents", agentId);
  if (agent === null || agent.deletedAt !== undefined || agent.status !== "open") {
    fail("CONFLICT", "This agent's WhatsApp is not connected.");
  }
  return agent;
}

/** Checks everything a reply needs, then stores it "pending" and updates the conversation list row. */
export const insertHumanReply = internalOrgMutation({
  // The sender's auth-provider id: actions have no database, so the member is looked up here.
  args: { sessionId: v.id("sessions"), text: v.string(), authorExternalId: v.optional(v.string()) },
  returns: v.object({ messageId: v.id("messages"), instanceName: v.string(), number: v.string() }),
  handler: async (ctx, { sessionId, text, authorExternalId }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
    // Explicit over magic: the person reopens a closed conversation before writing in it.
    if (session.status === "resolved") fail("CONFLICT", "This conversation is closed. Reopen it to reply.");
    const agent = await sendableAgentX(ctx.db, session.agentId);
    const contact = await ctx.db.get("contacts", session.contactId);
    if (contact === null) fail("NOT_FOUND", "This conversation's contact does not exist.");
    const sentAt = Date.now();
    const author = authorExternalId === undefined ? null : await userByExternalId(ctx.db, authorExternalId);
    const authorUserId = author?._id;
    const messageId = await recordOutbound(ctx.db, session, { author: "human", authorUserId, text, sentAt, delivery: "pending" });
    // A person answering takes the conversation over: the bot stops until someone resumes it.
    await applyMessageToSession(ctx.db, session, { direction: "out", author: "human", onPhone: false, text, sentAt });
    return { messageId, instanceName: agent.instanceName, number: sendTargetOf(contact) };
  },
});

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

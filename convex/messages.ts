import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { internalMutation, orgAction, orgQuery } from "./lib/functions";
import { failFromGateway, gatewayFromEnv } from "./model/gateway";
import {
  laterDelivery,
  MAX_TEXT_LENGTH,
  messageViewValidator,
  sendTargetOf,
  sessionPatchForMessage,
  toMessageView,
} from "./model/conversations";
import { factsPatchForMessage, messageChange, sessionChange } from "./model/rollupFacts";
import { applyRollupChanges } from "./model/rollups";

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
      .paginate(paginationOpts);
    return { ...page, page: page.page.map(toMessageView) };
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
    const reply: HumanReply = await ctx.runMutation(internal.messages.insertHumanReply, { orgId, sessionId, text: body });
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

async function sendableAgentX(db: DatabaseReader, orgId: Id<"organizations">, agentId: Id<"agents">) {
  const agent = await db.get("agents", agentId);
  if (agent === null || agent.orgId !== orgId || agent.deletedAt !== undefined || agent.status !== "open") {
    fail("CONFLICT", "This agent's WhatsApp is not connected.");
  }
  return agent;
}

/** Checks everything a reply needs, then stores it "pending" and updates the conversation list row. */
export const insertHumanReply = internalMutation({
  args: { orgId: v.id("organizations"), sessionId: v.id("sessions"), text: v.string() },
  returns: v.object({ messageId: v.id("messages"), instanceName: v.string(), number: v.string() }),
  handler: async (ctx, { orgId, sessionId, text }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null || session.orgId !== orgId) fail("NOT_FOUND", "This conversation does not exist.");
    // Explicit over magic: the person reopens a closed conversation before writing in it.
    if (session.status === "closed") fail("CONFLICT", "This conversation is closed. Reopen it to reply.");
    const agent = await sendableAgentX(ctx.db, orgId, session.agentId);
    const contact = await ctx.db.get("contacts", session.contactId);
    if (contact === null || contact.orgId !== orgId) fail("NOT_FOUND", "This conversation's contact does not exist.");
    const sentAt = Date.now();
    const message = { orgId, sessionId, agentId: agent._id, direction: "out" as const, author: "human" as const, text, sentAt, delivery: "pending" as const };
    const messageId = await ctx.db.insert("messages", message);
    // A person answering takes the conversation over: the bot stops until someone resumes it.
    const patch = {
      ...sessionPatchForMessage(session, { text, sentAt, direction: "out" }),
      ...factsPatchForMessage(session, message, true),
      botPaused: true,
    };
    await ctx.db.patch("sessions", session._id, patch);
    await applyRollupChanges(ctx.db, orgId, [sessionChange(session, { ...session, ...patch }), messageChange(null, message)]);
    return { messageId, instanceName: agent.instanceName, number: sendTargetOf(contact) };
  },
});

async function ownMessageX(db: DatabaseReader, orgId: Id<"organizations">, messageId: Id<"messages">) {
  const message = await db.get("messages", messageId);
  if (message === null || message.orgId !== orgId) fail("NOT_FOUND", "This message does not exist.");
  return message;
}

/**
 * Records WhatsApp's id. If the send.message echo won the race and was stored as a message of its
 * own (its id was still unknown here), that copy is folded into this one: never a duplicate.
 */
export const markSent = internalMutation({
  args: { orgId: v.id("organizations"), messageId: v.id("messages"), externalId: v.string() },
  returns: v.null(),
  handler: async (ctx, { orgId, messageId, externalId }) => {
    const message = await ownMessageX(ctx.db, orgId, messageId);
    let delivery: Doc<"messages">["delivery"] = laterDelivery(message.delivery, "sent");
    const echoes = await ctx.db
      .query("messages")
      .withIndex("by_agent_and_externalId", (q) => q.eq("agentId", message.agentId).eq("externalId", externalId))
      .take(10);
    const isEcho = (row: Doc<"messages">) =>
      row._id !== message._id && row.orgId === orgId && row.sessionId === message.sessionId && row.direction === "out" && row.text === message.text;
    for (const echo of echoes.filter(isEcho)) {
      delivery = laterDelivery(delivery, echo.delivery);
      await ctx.db.delete("messages", echo._id);
      await applyRollupChanges(ctx.db, orgId, [messageChange(echo, null)]);
    }
    await ctx.db.patch("messages", message._id, { externalId, delivery });
    return null;
  },
});

export const markFailed = internalMutation({
  args: { orgId: v.id("organizations"), messageId: v.id("messages") },
  returns: v.null(),
  handler: async (ctx, { orgId, messageId }) => {
    const message = await ownMessageX(ctx.db, orgId, messageId);
    await ctx.db.patch("messages", message._id, { delivery: "failed" });
    return null;
  },
});

import { v } from "convex/values";
import { MAX_QUICK_REPLIES_PER_ORG, MAX_QUICK_REPLY_TEXT, normalizeShortcut } from "../lib/inbox/quick-replies";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { orgMutation, orgQuery } from "./lib/functions";
import { recordAudit } from "./model/audit";

/** Org-wide canned responses: admins manage them, every member inserts them with "/shortcut". */

const quickReplyValidator = v.object({ _id: v.id("quickReplies"), shortcut: v.string(), text: v.string() });

async function allOf(db: DatabaseReader, orgId: Id<"organizations">): Promise<Doc<"quickReplies">[]> {
  return db
    .query("quickReplies")
    .withIndex("by_org_and_shortcut", (q) => q.eq("orgId", orgId))
    .take(MAX_QUICK_REPLIES_PER_ORG);
}

async function quickReplyX(db: DatabaseReader, quickReplyId: Id<"quickReplies">) {
  const reply = await db.get("quickReplies", quickReplyId);
  if (reply === null) fail("NOT_FOUND", "This quick reply does not exist.");
  return reply;
}

function validated(args: { shortcut: string; text: string }) {
  const shortcut = normalizeShortcut(args.shortcut);
  if (shortcut === null) fail("INVALID_ARGUMENT", "A shortcut is one word of letters, digits, - or _ (at most 32).");
  const text = args.text.trim();
  if (text.length === 0) fail("INVALID_ARGUMENT", "Write the reply's text.");
  if (text.length > MAX_QUICK_REPLY_TEXT) fail("INVALID_ARGUMENT", `A quick reply holds at most ${MAX_QUICK_REPLY_TEXT} characters.`);
  return { shortcut, text };
}

function assertShortcutFree(replies: Doc<"quickReplies">[], shortcut: string, except?: Id<"quickReplies">) {
  if (replies.some((reply) => reply._id !== except && reply.shortcut === shortcut)) {
    fail("INVALID_ARGUMENT", `The shortcut /${shortcut} is already taken.`);
  }
}

/** By shortcut: what the composer's "/" list shows. */
export const list = orgQuery({
  args: {},
  returns: v.array(quickReplyValidator),
  handler: async (ctx) => (await allOf(ctx.db, ctx.org._id)).map(({ _id, shortcut, text }) => ({ _id, shortcut, text })),
});

export const create = orgMutation({
  role: "admin",
  args: { shortcut: v.string(), text: v.string() },
  returns: v.id("quickReplies"),
  handler: async (ctx, args) => {
    const fields = validated(args);
    const replies = await allOf(ctx.db, ctx.org._id);
    if (replies.length >= MAX_QUICK_REPLIES_PER_ORG) fail("CONFLICT", `An organization has at most ${MAX_QUICK_REPLIES_PER_ORG} quick replies.`);
    assertShortcutFree(replies, fields.shortcut);
    const id = await ctx.db.insert("quickReplies", { orgId: ctx.org._id, ...fields });
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action: "quick_reply.created", target: `quickReply:${id}` });
    return id;
  },
});

export const update = orgMutation({
  role: "admin",
  args: { quickReplyId: v.id("quickReplies"), shortcut: v.string(), text: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const reply = await quickReplyX(ctx.db, args.quickReplyId);
    const fields = validated(args);
    if (fields.shortcut !== reply.shortcut) assertShortcutFree(await allOf(ctx.db, ctx.org._id), fields.shortcut, reply._id);
    await ctx.db.patch("quickReplies", reply._id, fields);
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action: "quick_reply.updated", target: `quickReply:${reply._id}` });
    return null;
  },
});

export const remove = orgMutation({
  role: "admin",
  args: { quickReplyId: v.id("quickReplies") },
  returns: v.null(),
  handler: async (ctx, { quickReplyId }) => {
    const reply = await quickReplyX(ctx.db, quickReplyId);
    await ctx.db.delete("quickReplies", reply._id);
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action: "quick_reply.deleted", target: `quickReply:${reply._id}` });
    return null;
  },
});

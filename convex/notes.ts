import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { fail } from "./lib/errors";
import { orgMutation } from "./lib/functions";
import { MAX_TEXT_LENGTH, storedText } from "./model/messages";
import { mentionedMembersX, recordMentions } from "./model/mentions";
import { WRITES, withinOrgLimitsX } from "./model/rateLimits";

/**
 * A private note in the thread: stored as a message by author "note" so it reads in place, but it
 * never reaches WhatsApp (nothing is scheduled), the rollups (contributions.ts), the bot's context
 * (botPlan.ts) or the conversation list (the session is not touched).
 */
export const add = orgMutation({
  args: { sessionId: v.id("sessions"), text: v.string(), mentionedUserIds: v.optional(v.array(v.id("users"))) },
  returns: v.object({ messageId: v.id("messages") }),
  handler: async (ctx, { sessionId, text, mentionedUserIds = [] }): Promise<{ messageId: Id<"messages"> }> => {
    const body = text.trim();
    if (body.length === 0) fail("INVALID_ARGUMENT", "Write the note first.");
    if (body.length > MAX_TEXT_LENGTH) fail("INVALID_ARGUMENT", `A note holds at most ${MAX_TEXT_LENGTH} characters.`);
    // Notes share the member's and the org's write buckets with replies (model/rateLimits.ts).
    await withinOrgLimitsX(ctx.db, WRITES, ctx.org._id, ctx.viewer.externalId);
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
    const byUserId = ctx.viewer.userId;
    if (byUserId === null) fail("CONFLICT", "Your profile is still being set up. Try again in a moment.");
    const mentioned = await mentionedMembersX(ctx.db, ctx.org._id, mentionedUserIds);
    const at = Date.now();
    const messageId = await ctx.db.insert("messages", {
      orgId: ctx.org._id,
      sessionId: session._id,
      agentId: session.agentId,
      direction: "out",
      author: "note",
      authorUserId: byUserId,
      ...storedText(body),
      sentAt: at,
      // Nothing to deliver: a note is "sent" the moment it is saved.
      delivery: "sent",
    });
    await recordMentions(ctx.db, { orgId: ctx.org._id, sessionId: session._id, messageId, byUserId, at }, mentioned);
    return { messageId };
  },
});

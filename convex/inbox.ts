import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { literals } from "convex-helpers/validators";
import { INBOX_VIEWS } from "../lib/inbox/views";
import type { Id } from "./_generated/dataModel";
import { orgQuery } from "./lib/functions";
import { unseenMentionsOf } from "./model/inbox";
import { badgeOf, inboxPage, viewCounts } from "./model/inboxViews";
import { toSessionListItem } from "./model/sessions";
import { sessionListItemValidator } from "./model/views";
import { sessionStatusValidator, spinStageValidator } from "./schema";

/** The team inbox's public queries; what each view holds and how it is read: model/inboxViews.ts. */

export const inboxViewValidator = literals(...INBOX_VIEWS);

const listArgs = {
  paginationOpts: paginationOptsValidator,
  view: inboxViewValidator,
  status: v.optional(sessionStatusValidator),
  agentId: v.optional(v.id("agents")),
  stage: v.optional(spinStageValidator),
  labelId: v.optional(v.id("labels")),
};

/** One view's conversations, one page at a time, as the viewer sees them (their own unread counts). */
export const list = orgQuery({
  args: listArgs,
  returns: paginationResultValidator(sessionListItemValidator),
  handler: async (ctx, { paginationOpts, ...filters }) => inboxPage(ctx.db, ctx.org._id, ctx.viewer.userId, filters, paginationOpts),
});

const countsValidator = v.object({
  mine: v.number(),
  unassigned: v.number(),
  waiting: v.number(),
  bot: v.number(),
  attention: v.number(),
  all: v.number(),
  // Unseen mentions of the viewer (at most MAX_MENTIONS_READ; `mentionsCapped` says when there are more).
  mentions: v.number(),
  mentionsCapped: v.boolean(),
});

/** The sidebar's live counts of open conversations: one counter row per view, whatever the history. */
export const counts = orgQuery({
  args: {},
  returns: countsValidator,
  handler: async (ctx) => viewCounts(ctx.db, ctx.org._id, ctx.viewer.userId),
});

/** The conversations where the viewer is @mentioned and has not looked yet, newest mention first (Mine shows them). */
export const myMentions = orgQuery({
  args: {},
  returns: v.array(sessionListItemValidator),
  handler: async (ctx) => {
    const userId = ctx.viewer.userId;
    if (userId === null) return [];
    const mentions = await unseenMentionsOf(ctx.db, ctx.org._id, userId).take(MAX_MENTIONED_LISTED);
    const seen = new Set<Id<"sessions">>();
    const items = [];
    for (const mention of mentions) {
      if (seen.has(mention.sessionId)) continue;
      seen.add(mention.sessionId);
      const session = await ctx.db.get("sessions", mention.sessionId);
      if (session !== null) items.push(await toSessionListItem(ctx.db, session, userId));
    }
    return items;
  },
});

const MAX_MENTIONED_LISTED = 20;

/**
 * The header badge: my open conversations with customer messages I have not read, plus my unseen
 * mentions. Bounded by MAX_BADGE_SESSIONS and MAX_MENTIONS_READ, never by history.
 */
export const badge = orgQuery({
  args: {},
  returns: v.object({ count: v.number(), capped: v.boolean() }),
  handler: async (ctx) => badgeOf(ctx.db, ctx.org._id, ctx.viewer.userId),
});

import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { literals } from "convex-helpers/validators";
import { INBOX_VIEWS, inView, mineKey, type InboxView } from "../lib/inbox/views";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { orgQuery } from "./lib/functions";
import { clampPage } from "./lib/pagination";
import { MAX_MENTIONS_READ, unseenMentionsOf } from "./model/inbox";
import { countOf } from "./model/inboxCounts";
import { readSeqOf, unreadFor } from "./model/readStates";
import { toSessionListItem } from "./model/sessions";
import { sessionListItemValidator } from "./model/views";
import { sessionStatusValidator, spinStageValidator } from "./schema";

/**
 * The team inbox: views (lib/inbox/views.ts) with live counts. A list reads one index range chosen
 * by view and status (open unless asked); the other filters (agent, stage, label) narrow it, by
 * index where one exists for the combination, else within the page read, so a page never reads
 * more than its size: a narrowed page may hold fewer rows, and "load more" carries on.
 */

export const inboxViewValidator = literals(...INBOX_VIEWS);

type Status = Doc<"sessions">["status"];
type Narrowing = { agentId?: Id<"agents">; stage?: Doc<"sessions">["stage"] };
type ViewQuery = { view: InboxView; status: Status; viewerId: Id<"users"> | null } & Narrowing;

/** The index range of one view of one status, and which narrowing it already applies. */
function viewRange(db: DatabaseReader, orgId: Id<"organizations">, query: ViewQuery) {
  const sessions = db.query("sessions");
  const { status } = query;
  switch (query.view) {
    case "mine":
    case "unassigned": {
      const assigneeId = query.view === "mine" ? (query.viewerId ?? undefined) : undefined;
      return {
        range: sessions
          .withIndex("by_org_and_status_and_assigneeId_and_lastMessageAt", (q) =>
            q.eq("orgId", orgId).eq("status", status).eq("assigneeId", assigneeId),
          )
          .order("desc"),
        narrowed: {},
      };
    }
    case "waiting":
      // A queue: who has waited longest comes first.
      return {
        range: sessions
          .withIndex("by_org_and_status_and_waitingSince", (q) => q.eq("orgId", orgId).eq("status", status).gte("waitingSince", 0))
          .order("asc"),
        narrowed: {},
      };
    case "bot":
      return {
        range: sessions
          .withIndex("by_org_and_status_and_botPaused_and_waitingSince_and_lastMessageAt", (q) =>
            q.eq("orgId", orgId).eq("status", status).eq("botPaused", false).eq("waitingSince", undefined),
          )
          .order("desc"),
        narrowed: {},
      };
    case "attention":
      return {
        range: sessions
          .withIndex("by_org_and_status_and_needsAttention_and_lastMessageAt", (q) =>
            q.eq("orgId", orgId).eq("status", status).eq("needsAttention", true),
          )
          .order("desc"),
        narrowed: {},
      };
    case "all":
      return allRange(db, orgId, query);
  }
}

function allRange(db: DatabaseReader, orgId: Id<"organizations">, { status, agentId, stage }: ViewQuery) {
  const sessions = db.query("sessions");
  if (agentId !== undefined) {
    const range = sessions.withIndex("by_org_and_agent_and_status_and_lastMessageAt", (q) =>
      q.eq("orgId", orgId).eq("agentId", agentId).eq("status", status),
    );
    return { range: range.order("desc"), narrowed: { agentId: true } };
  }
  if (stage !== undefined) {
    const range = sessions.withIndex("by_org_and_status_and_stage_and_lastMessageAt", (q) =>
      q.eq("orgId", orgId).eq("status", status).eq("stage", stage),
    );
    return { range: range.order("desc"), narrowed: { stage: true } };
  }
  const range = sessions.withIndex("by_org_and_status_and_lastMessageAt", (q) => q.eq("orgId", orgId).eq("status", status));
  return { range: range.order("desc"), narrowed: {} };
}

function matches(session: Doc<"sessions">, query: ViewQuery, narrowed: { agentId?: boolean; stage?: boolean }) {
  if (!narrowed.agentId && query.agentId !== undefined && session.agentId !== query.agentId) return false;
  if (!narrowed.stage && query.stage !== undefined && session.stage !== query.stage) return false;
  return session.status === query.status && inView(query.view, session, query.viewerId);
}

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
  handler: async (ctx, { paginationOpts, view, status = "open", agentId, stage, labelId }) => {
    const query: ViewQuery = { view, status, agentId, stage, viewerId: ctx.viewer.userId };
    const page = clampPage(paginationOpts);
    const found =
      labelId === undefined ? await pageOfView(ctx.db, ctx.org._id, query, page) : await pageOfLabel(ctx.db, ctx.org._id, labelId, query, page);
    const items = [];
    for (const session of found.sessions) items.push(await toSessionListItem(ctx.db, session, ctx.viewer.userId));
    return { ...found.result, page: items };
  },
});

type Page = ReturnType<typeof clampPage>;

async function pageOfView(db: DatabaseReader, orgId: Id<"organizations">, query: ViewQuery, page: Page) {
  // Mine without a signed-up viewer would read the unassigned range: it is empty instead.
  if (query.view === "mine" && query.viewerId === null) return { result: { page: [], isDone: true, continueCursor: "" }, sessions: [] };
  const { range, narrowed } = viewRange(db, orgId, query);
  const result = await range.paginate(page);
  return { result, sessions: result.page.filter((session) => matches(session, query, narrowed)) };
}

/** A label's conversations newest activity first (sessionLabels keeps the session's lastMessageAt). */
async function pageOfLabel(db: DatabaseReader, orgId: Id<"organizations">, labelId: Id<"labels">, query: ViewQuery, page: Page) {
  const result = await db
    .query("sessionLabels")
    .withIndex("by_org_and_label_and_lastMessageAt", (q) => q.eq("orgId", orgId).eq("labelId", labelId))
    .order("desc")
    .paginate(page);
  const sessions = [];
  for (const row of result.page) {
    const session = await db.get("sessions", row.sessionId);
    if (session !== null && matches(session, query, {})) sessions.push(session);
  }
  return { result, sessions };
}

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
  handler: async (ctx) => {
    const orgId = ctx.org._id;
    const userId = ctx.viewer.userId;
    const mentions = userId === null ? [] : await unseenMentionsOf(ctx.db, orgId, userId).take(MAX_MENTIONS_READ);
    return {
      mine: userId === null ? 0 : await countOf(ctx.db, orgId, mineKey(userId)),
      unassigned: await countOf(ctx.db, orgId, "unassigned"),
      waiting: await countOf(ctx.db, orgId, "waiting"),
      bot: await countOf(ctx.db, orgId, "bot"),
      attention: await countOf(ctx.db, orgId, "attention"),
      all: await countOf(ctx.db, orgId, "all"),
      mentions: mentions.length,
      mentionsCapped: mentions.length === MAX_MENTIONS_READ,
    };
  },
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

/** Open conversations of mine the header badge looks at for unread messages (it says "99+" past them). */
export const MAX_BADGE_SESSIONS = 99;

/**
 * The header badge: my open conversations with customer messages I have not read, plus my unseen
 * mentions. Bounded by MAX_BADGE_SESSIONS and MAX_MENTIONS_READ, never by history.
 */
export const badge = orgQuery({
  args: {},
  returns: v.object({ count: v.number(), capped: v.boolean() }),
  handler: async (ctx) => {
    const userId = ctx.viewer.userId;
    if (userId === null) return { count: 0, capped: false };
    const mine = await ctx.db
      .query("sessions")
      .withIndex("by_org_and_status_and_assigneeId_and_lastMessageAt", (q) =>
        q.eq("orgId", ctx.org._id).eq("status", "open").eq("assigneeId", userId),
      )
      .order("desc")
      .take(MAX_BADGE_SESSIONS);
    let unread = 0;
    for (const session of mine) if (unreadFor(session, await readSeqOf(ctx.db, session, userId)) > 0) unread += 1;
    const mentions = await unseenMentionsOf(ctx.db, ctx.org._id, userId).take(MAX_MENTIONS_READ);
    return {
      count: unread + mentions.length,
      capped: mine.length === MAX_BADGE_SESSIONS || mentions.length === MAX_MENTIONS_READ,
    };
  },
});

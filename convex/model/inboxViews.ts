import type { PaginationOptions } from "convex/server";
import { inView, mineKey, type InboxView } from "../../lib/inbox/views";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { clampPage } from "../lib/pagination";
import { MAX_MENTIONS_READ, unseenMentionsOf } from "./inbox";
import { countOf } from "./inboxCounts";
import { readSeqOf, unreadFor } from "./readStates";
import { toSessionListItem } from "./sessions";

/**
 * The team inbox: views (lib/inbox/views.ts) with live counts. A list reads one index range chosen
 * by view and status (open unless asked); the other filters (agent, stage, label) narrow it, by
 * index where one exists for the combination, else within the page read, so a page never reads
 * more than its size: a narrowed page may hold fewer rows, and "load more" carries on.
 */

type Status = Doc<"sessions">["status"];
type Narrowing = { agentId?: Id<"agents">; stage?: Doc<"sessions">["stage"] };
type ViewQuery = {
  view: InboxView;
  status: Status;
  viewerId: Id<"users"> | null;
} & Narrowing;

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

type Page = ReturnType<typeof clampPage>;

async function pageOfView(db: DatabaseReader, orgId: Id<"organizations">, query: ViewQuery, page: Page) {
  // Mine without a signed-up viewer would read the unassigned range: it is empty instead.
  if (query.view === "mine" && query.viewerId === null)
    return {
      result: { page: [], isDone: true, continueCursor: "" },
      sessions: [],
    };
  const { range, narrowed } = viewRange(db, orgId, query);
  const result = await range.paginate(page);
  return {
    result,
    sessions: result.page.filter((session) => matches(session, query, narrowed)),
  };
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

export type InboxFilters = Narrowing & {
  view: InboxView;
  status?: Status;
  labelId?: Id<"labels">;
};

/** One page of a view as the viewer sees it (their own unread counts). */
export async function inboxPage(
  db: DatabaseReader,
  orgId: Id<"organizations">,
  viewerId: Id<"users"> | null,
  { view, status = "open", agentId, stage, labelId }: InboxFilters,
  paginationOpts: PaginationOptions,
) {
  const query: ViewQuery = { view, status, agentId, stage, viewerId };
  const page = clampPage(paginationOpts);
  const found = labelId === undefined ? await pageOfView(db, orgId, query, page) : await pageOfLabel(db, orgId, labelId, query, page);
  const items = [];
  for (const session of found.sessions) items.push(await toSessionListItem(db, session, viewerId));
  return { ...found.result, page: items };
}

/** The sidebar's counts: one counter row per view, plus the viewer's unseen mentions (bounded). */
export async function viewCounts(db: DatabaseReader, orgId: Id<"organizations">, userId: Id<"users"> | null) {
  const mentions = userId === null ? [] : await unseenMentionsOf(db, orgId, userId).take(MAX_MENTIONS_READ);
  return {
    mine: userId === null ? 0 : await countOf(db, orgId, mineKey(userId)),
    unassigned: await countOf(db, orgId, "unassigned"),
    waiting: await countOf(db, orgId, "waiting"),
    bot: await countOf(db, orgId, "bot"),
    attention: await countOf(db, orgId, "attention"),
    all: await countOf(db, orgId, "all"),
    mentions: mentions.length,
    mentionsCapped: mentions.length === MAX_MENTIONS_READ,
  };
}

/** Open conversations of mine the header badge looks at for unread messages (it says "99+" past them). */
export const MAX_BADGE_SESSIONS = 99;

/**
 * The header badge: my open conversations with customer messages I have not read, plus my unseen
 * mentions. Bounded by MAX_BADGE_SESSIONS and MAX_MENTIONS_READ, never by history.
 */
export async function badgeOf(db: DatabaseReader, orgId: Id<"organizations">, userId: Id<"users"> | null) {
  if (userId === null) return { count: 0, capped: false };
  const mine = await db
    .query("sessions")
    .withIndex("by_org_and_status_and_assigneeId_and_lastMessageAt", (q) =>
      q.eq("orgId", orgId).eq("status", "open").eq("assigneeId", userId),
    )
    .order("desc")
    .take(MAX_BADGE_SESSIONS);
  let unread = 0;
  for (const session of mine) if (unreadFor(session, await readSeqOf(db, session, userId)) > 0) unread += 1;
  const mentions = await unseenMentionsOf(db, orgId, userId).take(MAX_MENTIONS_READ);
  return {
    count: unread + mentions.length,
    capped: mine.length === MAX_BADGE_SESSIONS || mentions.length === MAX_MENTIONS_READ,
  };
}

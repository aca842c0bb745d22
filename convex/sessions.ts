import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "./_generated/server";
import { fail } from "./lib/errors";
import { orgMutation, orgQuery, type Viewer } from "./lib/functions";
import { recordAudit } from "./model/audit";
import { sessionListItemValidator, toSessionListItem } from "./model/conversations";
import { sessionStatusValidator } from "./schema";

type SessionFilter = { agentId?: Id<"agents">; status?: Doc<"sessions">["status"] };

/** One index per filter combination, so every page holds exactly `numItems` matching rows. */
function sessionsByActivity(db: DatabaseReader, orgId: Id<"organizations">, { agentId, status }: SessionFilter) {
  const sessions = db.query("sessions");
  if (agentId !== undefined && status !== undefined) {
    return sessions.withIndex("by_org_and_agent_and_status_and_lastMessageAt", (q) =>
      q.eq("orgId", orgId).eq("agentId", agentId).eq("status", status),
    );
  }
  if (agentId !== undefined) {
    return sessions.withIndex("by_org_and_agent_and_lastMessageAt", (q) => q.eq("orgId", orgId).eq("agentId", agentId));
  }
  if (status !== undefined) {
    return sessions.withIndex("by_org_and_status_and_lastMessageAt", (q) => q.eq("orgId", orgId).eq("status", status));
  }
  return sessions.withIndex("by_org_and_lastMessageAt", (q) => q.eq("orgId", orgId));
}

/** The org's session or NOT_FOUND; row-level security already hides other orgs' rows. */
async function sessionX(db: DatabaseReader, sessionId: Id<"sessions">): Promise<Doc<"sessions">> {
  const session = await db.get("sessions", sessionId);
  if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
  return session;
}

/** Newest activity first; filter by agent and/or status. */
export const list = orgQuery({
  args: {
    paginationOpts: paginationOptsValidator,
    agentId: v.optional(v.id("agents")),
    status: v.optional(sessionStatusValidator),
  },
  returns: paginationResultValidator(sessionListItemValidator),
  handler: async (ctx, { paginationOpts, agentId, status }) => {
    const page = await sessionsByActivity(ctx.db, ctx.org._id, { agentId, status }).order("desc").paginate(paginationOpts);
    const items = [];
    for (const session of page.page) items.push(await toSessionListItem(ctx.db, session));
    return { ...page, page: items };
  },
});

export const get = orgQuery({
  args: { sessionId: v.id("sessions") },
  returns: sessionListItemValidator,
  handler: async (ctx, { sessionId }) => toSessionListItem(ctx.db, await sessionX(ctx.db, sessionId)),
});

export const markRead = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    const session = await sessionX(ctx.db, sessionId);
    if (session.unreadCount !== 0) await ctx.db.patch("sessions", session._id, { unreadCount: 0 });
    return null;
  },
});

async function setStatus(
  ctx: { db: DatabaseWriter; org: Doc<"organizations">; viewer: Viewer },
  sessionId: Id<"sessions">,
  status: Doc<"sessions">["status"],
) {
  const session = await sessionX(ctx.db, sessionId);
  if (session.status === status) return null;
  await ctx.db.patch("sessions", session._id, { status });
  await recordAudit(ctx.db, {
    orgId: ctx.org._id,
    actorUserId: ctx.viewer.userId,
    action: status === "closed" ? "session.closed" : "session.reopened",
    target: `session:${session._id}`,
  });
  return null;
}

/** Idempotent: closing a closed session changes nothing and records nothing. */
export const close = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => setStatus(ctx, sessionId, "closed"),
});

export const reopen = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => setStatus(ctx, sessionId, "active"),
});

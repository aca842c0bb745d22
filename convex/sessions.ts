import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader, DatabaseWriter, MutationCtx } from "./_generated/server";
import { fail } from "./lib/errors";
import { clampPage } from "./lib/pagination";
import { orgMutation, orgQuery, type Viewer } from "./lib/functions";
import { recordAudit } from "./model/audit";
import { nextRunAt, unansweredCount } from "./model/botRules";
import { markMentionsSeen } from "./model/mentions";
import { toSessionListItem } from "./model/sessions";
import { sessionListItemValidator, stageEventViewValidator } from "./model/views";
import { sessionStatusValidator } from "./schema";

type Scheduler = MutationCtx["scheduler"];

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
    const page = await sessionsByActivity(ctx.db, ctx.org._id, { agentId, status }).order("desc").paginate(clampPage(paginationOpts));
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
    if (ctx.viewer.userId !== null) await markMentionsSeen(ctx.db, ctx.org._id, ctx.viewer.userId, session._id);
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
    action: status === "resolved" ? "session.closed" : "session.reopened",
    target: `session:${session._id}`,
  });
  return null;
}

/** Idempotent: closing a closed session changes nothing and records nothing. */
export const close = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => setStatus(ctx, sessionId, "resolved"),
});

export const reopen = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => setStatus(ctx, sessionId, "open"),
});

async function setBotPaused(
  ctx: { db: DatabaseWriter; org: Doc<"organizations">; viewer: Viewer; scheduler: Scheduler },
  sessionId: Id<"sessions">,
  paused: boolean,
) {
  const session = await sessionX(ctx.db, sessionId);
  // Resuming also clears a failure flag: the person asks the bot to try again.
  const unchanged = session.botPaused === paused && (paused || (!session.needsAttention && session.waitingSince === undefined));
  if (unchanged) return null;
  // Pausing is a person taking the conversation over (counted once per conversation). Resuming after
  // a person wrote leaves the customer's replies to that person unanswered by the bot: it answers
  // only what arrives from now on, with the person's messages as context.
  const patch = paused
    ? { botPaused: true, ...(session.takenOverAt === undefined ? { takenOverAt: Date.now() } : {}) }
    : {
        botPaused: false,
        needsAttention: false,
        waitingSince: undefined,
        personReplied: undefined,
        ...(session.personReplied ? { answeredSeq: session.inboundSeq ?? 0 } : {}),
      };
  await ctx.db.patch("sessions", session._id, patch);
  await recordAudit(ctx.db, {
    orgId: ctx.org._id,
    actorUserId: ctx.viewer.userId,
    action: paused ? "session.bot_paused" : "session.bot_resumed",
    target: `session:${session._id}`,
  });
  // Customers who wrote while the bot was paused get their answer now.
  if (!paused && unansweredCount({ ...session, ...patch }) > 0) {
    const at = nextRunAt(session, Date.now());
    await ctx.scheduler.runAt(at, internal.bot.reply, { orgId: ctx.org._id, sessionId: session._id, attempt: 1 });
  }
  return null;
}

/** A person takes the conversation over: the bot stops answering it until resumed. */
export const pauseBot = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => setBotPaused(ctx, sessionId, true),
});

export const resumeBot = orgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => setBotPaused(ctx, sessionId, false),
});

const TIMELINE_LIMIT = 50;

/** The SPIN timeline, oldest first: each stage change with its confidence and the message that moved it. */
export const stageTimeline = orgQuery({
  args: { sessionId: v.id("sessions") },
  returns: v.array(stageEventViewValidator),
  handler: async (ctx, { sessionId }) => {
    const session = await sessionX(ctx.db, sessionId);
    const events = await ctx.db
      .query("stageEvents")
      .withIndex("by_org_and_session_and_at", (q) => q.eq("orgId", ctx.org._id).eq("sessionId", session._id))
      .order("desc")
      .take(TIMELINE_LIMIT);
    const views = [];
    for (const event of events.reverse()) {
      const message = event.messageId ? await ctx.db.get("messages", event.messageId) : null;
      views.push({
        _id: event._id,
        from: event.from,
        to: event.to,
        at: event.at,
        confidence: event.confidence ?? null,
        quote: event.quote ?? null,
        cues: event.cues ?? [],
        messageText: message?.text ?? null,
      });
    }
    return views;
  },
});

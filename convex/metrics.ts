import { v } from "convex/values";
import { sumCounters } from "../lib/metrics/counters";
import { summarize } from "../lib/metrics/summary";
import { lastNDaysRange } from "../lib/time/windows";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { perStageCountsValidator } from "./schema";
import { orgQuery } from "./lib/functions";
import { anchorOf, groupCounters, overviewOf, recalculating, rollupRows } from "./model/overview";
import { toSessionListItem } from "./model/sessions";
import { sessionListItemValidator } from "./model/views";
import { currentRollups } from "./model/rollups";
import { metricsWindowValidator, summaryValidator } from "./model/metricsViews";

/**
 * The SPIN dashboard, read from the `dailyStats` rollups: every query reads a number of rows that
 * depends on the window and the number of agents, never on how many messages are stored. An org
 * with no activity gets zeros, never an error.
 */

const ACTIVE_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_ACTIVE_COUNTED = 2000;
const LIST_LIMIT = 10;

const overviewValidator = v.object({
  timeZone: v.string(),
  firstDay: v.string(),
  lastDay: v.string(),
  recalculating: v.union(v.null(), v.object({ timeZone: v.string(), phase: v.string(), processed: v.number() })),
  totals: summaryValidator,
  agents: v.array(v.object({ agentId: v.id("agents"), name: v.string(), deleted: v.boolean(), summary: summaryValidator })),
});

/** `day`: the local day the dashboard is on (see `anchorOf`); without it, the server's clock. */
export const overview = orgQuery({
  args: { window: metricsWindowValidator, day: v.optional(v.string()) },
  returns: overviewValidator,
  handler: (ctx, { window, day }) => overviewOf(ctx.db, ctx.org, window, anchorOf(currentRollups(ctx.org).timeZone, day, Date.now())),
});

/** One point per local day of the last 30, oldest first, days without activity included as zeros. */
export const trend = orgQuery({
  args: { day: v.optional(v.string()) },
  returns: v.object({
    timeZone: v.string(),
    days: v.array(
      v.object({ day: v.string(), messagesIn: v.number(), messagesOut: v.number(), newSessions: v.number(), reachedNeedPayoff: v.number() }),
    ),
  }),
  handler: async (ctx, { day }) => {
    const { timeZone } = currentRollups(ctx.org);
    const range = lastNDaysRange(timeZone, anchorOf(timeZone, day, Date.now()), 30);
    const rows = await rollupRows(ctx.db, ctx.org, range.firstDay, range.lastDay);
    const byDay = groupCounters(rows, (row) => row.day);
    const days = range.days.map((day) => {
      const total = summarize(sumCounters(byDay.get(day) ?? []));
      return { day, messagesIn: total.messagesIn, messagesOut: total.messagesOut, newSessions: total.newSessions, reachedNeedPayoff: total.funnel.need_payoff };
    });
    return { timeZone, days };
  },
});


/**
 * Conversations that need a person, most recent first: a failed send, a handoff from the bot, or a
 * customer writing while the bot is off. Two indexed reads of at most LIST_LIMIT rows each.
 */
async function needingAPerson(db: DatabaseReader, orgId: Id<"organizations">): Promise<Doc<"sessions">[]> {
  const failed = await db
    .query("sessions")
    .withIndex("by_org_and_needsAttention_and_lastMessageAt", (q) => q.eq("orgId", orgId).eq("needsAttention", true))
    .order("desc")
    .take(LIST_LIMIT);
  const waiting = await db
    .query("sessions")
    .withIndex("by_org_and_waitingSince", (q) => q.eq("orgId", orgId).gte("waitingSince", 0))
    .order("desc")
    .take(LIST_LIMIT);
  const byId = new Map([...failed, ...waiting].map((session) => [session._id, session]));
  return [...byId.values()].sort((a, b) => b.lastMessageAt - a.lastMessageAt).slice(0, LIST_LIMIT);
}

/** Right now: active conversations by stage, the ones stuck without news, the ones that need a person. */
export const live = orgQuery({
  args: { stuckHours: v.optional(v.number()) },
  returns: v.object({
    activeByStage: perStageCountsValidator,
    activeCapped: v.boolean(),
    stuck: v.array(sessionListItemValidator),
    needsAttention: v.array(sessionListItemValidator),
  }),
  handler: async (ctx, { stuckHours = 24 }) => {
    const now = Date.now();
    const active = ctx.db
      .query("sessions")
      .withIndex("by_org_and_status_and_lastMessageAt", (q) =>
        q.eq("orgId", ctx.org._id).eq("status", "open").gte("lastMessageAt", now - ACTIVE_WINDOW_MS),
      );
    const recent = await active.take(MAX_ACTIVE_COUNTED);
    const activeByStage = { situation: 0, problem: 0, implication: 0, need_payoff: 0 };
    for (const session of recent) activeByStage[session.stage] += 1;
    const stuckBefore = now - Math.max(1, Math.min(stuckHours, 24 * 30)) * 60 * 60 * 1000;
    const stuck = await ctx.db
      .query("sessions")
      .withIndex("by_org_and_status_and_lastMessageAt", (q) =>
        q.eq("orgId", ctx.org._id).eq("status", "open").lt("lastMessageAt", stuckBefore),
      )
      .order("desc")
      .take(LIST_LIMIT);
    const items = (sessions: Doc<"sessions">[]) => Promise.all(sessions.map((session) => toSessionListItem(ctx.db, session, ctx.viewer.userId)));
    return { activeByStage, activeCapped: recent.length === MAX_ACTIVE_COUNTED, stuck: await items(stuck), needsAttention: await items(await needingAPerson(ctx.db, ctx.org._id)) };
  },
});

/** Whether the rollups are being recalculated for a new time zone, and how far along. */
export const rebuildStatus = orgQuery({
  args: {},
  returns: v.union(v.null(), v.object({ timeZone: v.string(), phase: v.string(), processed: v.number() })),
  handler: async (ctx) => recalculating(ctx.org),
});

import { sumCounters, type Counters } from "../../lib/metrics/counters";
import { summarize } from "../../lib/metrics/summary";
import { addDays, dayRange, localDayOf, windowRange, type MetricsWindow } from "../../lib/time/windows";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { currentRollups } from "./rollups";

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a window is anchored at. A query that read Date.now() alone would keep showing
 * yesterday as "today" after midnight (nothing it read changes), so the dashboard passes the local
 * day it is on; the server trusts it only within a day of its own clock.
 */
export function anchorOf(timeZone: string, day: string | undefined, now: number): number {
  if (day === undefined || !DAY_PATTERN.test(day)) return now;
  const today = localDayOf(timeZone, now);
  if (day !== today && day !== addDays(today, 1) && day !== addDays(today, -1)) return now;
  try {
    const { start, end } = dayRange(timeZone, day);
    return Math.min(Math.max(now, start), end - 1);
  } catch {
    return now;
  }
}

/** Reading the dashboards' rollups: a number of rows set by the window and the agents, never by history. */

/** (days in a window) × (agents): 31 × 200 stays far inside Convex's read limits. */
export const MAX_ROLLUP_ROWS = 31 * 200;

export async function rollupRows(db: DatabaseReader, org: Doc<"organizations">, firstDay: string, lastDay: string) {
  const { generation } = currentRollups(org);
  return db
    .query("dailyStats")
    .withIndex("by_org_and_generation_and_day_and_agent", (q) =>
      q.eq("orgId", org._id).eq("generation", generation).gte("day", firstDay).lte("day", lastDay),
    )
    .take(MAX_ROLLUP_ROWS);
}

export function recalculating(org: Doc<"organizations">) {
  const rebuild = org.rollupRebuild;
  return rebuild ? { timeZone: rebuild.timeZone, phase: rebuild.phase, processed: rebuild.processed } : null;
}

/** The agents that have rows in the window, read by id: every one is named, however many were ever created. */
async function agentsOf(db: DatabaseReader, agentIds: Iterable<Id<"agents">>) {
  const agents = new Map<Id<"agents">, Doc<"agents"> | null>();
  for (const agentId of agentIds) agents.set(agentId, await db.get("agents", agentId));
  return agents;
}

/** Rollup counters grouped by a key of their row (agent, day). */
export function groupCounters<Key>(rows: Doc<"dailyStats">[], keyOf: (row: Doc<"dailyStats">) => Key): Map<Key, Counters[]> {
  const groups = new Map<Key, Counters[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row.counters]);
  return groups;
}

/** The overview of one window, read from the rollups (exported for `npm run bench`, which counts its reads). */
export async function overviewOf(db: DatabaseReader, org: Doc<"organizations">, window: MetricsWindow, now: number) {
  const { timeZone } = currentRollups(org);
  const range = windowRange(timeZone, window, now);
  const rows = await rollupRows(db, org, range.firstDay, range.lastDay);
  const byAgent = groupCounters(rows, (row) => row.agentId);
  const names = await agentsOf(db, byAgent.keys());
  const agents = [...byAgent].map(([agentId, counters]) => {
    const agent = names.get(agentId);
    return { agentId, name: agent?.name ?? "", deleted: agent?.deletedAt !== undefined, summary: summarize(sumCounters(counters)) };
  });
  agents.sort((a, b) => b.summary.messagesIn - a.summary.messagesIn || a.name.localeCompare(b.name));
  return {
    timeZone,
    firstDay: range.firstDay,
    lastDay: range.lastDay,
    recalculating: recalculating(org),
    totals: summarize(sumCounters(rows.map((row) => row.counters))),
    agents,
  };
}


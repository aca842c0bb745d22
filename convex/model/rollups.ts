import { applyDelta, zeroCounters, type CounterDelta } from "../../lib/metrics/counters";
import type { Contribution } from "../../lib/metrics/contributions";
import { localDayOf } from "../../lib/time/windows";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";

/**
 * The `dailyStats` write path (DESIGN "Metrics"): every write of a session, message or stage event
 * applies `after − before` of that row's contributions to the (org, agent, local day) rows, inside
 * the same mutation, so dashboards read a few rollup rows instead of scanning messages.
 */

export type RollupTable = "sessions" | "messages" | "stageEvents";
const PHASES: RollupTable[] = ["sessions", "messages", "stageEvents"];

/** One row's change; `creationTime` is null for a row being inserted. */
export type RollupChange = { table: RollupTable; creationTime: number | null; before: Contribution[]; after: Contribution[] };

type Target = { generation: number; timeZone: string };

export function currentRollups(org: Doc<"organizations">): Target {
  return { generation: org.rollupGeneration ?? 0, timeZone: org.rollupTimeZone ?? org.timezone };
}

/**
 * Whether a running rebuild has already counted this row (or will never reach it): it scans the
 * tables in PHASES order, each in creation order, so a row it has not reached yet will be read there
 * in its latest state, and a row of a table it has finished must be counted by the write itself.
 */
export function rebuildHasCounted(rebuild: NonNullable<Doc<"organizations">["rollupRebuild"]>, change: Pick<RollupChange, "table" | "creationTime">) {
  const phase = PHASES.indexOf(rebuild.phase);
  const table = PHASES.indexOf(change.table);
  if (table !== phase) return table < phase;
  // A row being inserted now comes after the cursor: the scan of this table will still reach it.
  if (change.creationTime === null) return false;
  return rebuild.cursor !== null && change.creationTime <= rebuild.cursor;
}

function targetsOf(org: Doc<"organizations">, change: RollupChange): Target[] {
  const targets = [currentRollups(org)];
  const rebuild = org.rollupRebuild;
  if (rebuild && rebuildHasCounted(rebuild, change)) targets.push({ generation: rebuild.generation, timeZone: rebuild.timeZone });
  return targets;
}

type Pending = { generation: number; agentId: Id<"agents">; day: string; deltas: { delta: CounterDelta; sign: 1 | -1 }[] };

export async function rollupRow(db: DatabaseReader, orgId: Id<"organizations">, key: { generation: number; day: string; agentId: Id<"agents"> }) {
  return db
    .query("dailyStats")
    .withIndex("by_org_and_generation_and_day_and_agent", (q) =>
      q.eq("orgId", orgId).eq("generation", key.generation).eq("day", key.day).eq("agentId", key.agentId),
    )
    .unique();
}

/** Adds signed deltas to the rollup rows they belong to, creating rows as needed. */
export async function addToRollups(db: DatabaseWriter, orgId: Id<"organizations">, pending: Iterable<Pending>) {
  for (const { generation, agentId, day, deltas } of pending) {
    const row = await rollupRow(db, orgId, { generation, day, agentId });
    let counters = row?.counters ?? zeroCounters();
    for (const { delta, sign } of deltas) counters = applyDelta(counters, delta, sign);
    if (row === null) await db.insert("dailyStats", { orgId, agentId, day, generation, counters });
    else await db.patch("dailyStats", row._id, { counters });
  }
}

/** Groups contributions by rollup row under one target (its generation and time zone). */
export function collect(into: Map<string, Pending>, target: Target, contributions: Contribution[], sign: 1 | -1) {
  for (const { agentId, at, delta } of contributions) {
    const day = localDayOf(target.timeZone, at);
    const key = `${target.generation}|${agentId}|${day}`;
    const pending = into.get(key) ?? { generation: target.generation, agentId: agentId as Id<"agents">, day, deltas: [] };
    pending.deltas.push({ delta, sign });
    into.set(key, pending);
  }
}

/** Applies the rollup side of some row writes of one org: one org read, one read per touched row. */
export async function applyRollupChanges(db: DatabaseWriter, orgId: Id<"organizations">, changes: RollupChange[]) {
  const moving = changes.filter((change) => change.before.length > 0 || change.after.length > 0);
  if (moving.length === 0) return;
  const org = await db.get("organizations", orgId);
  if (org === null) return;
  const pending = new Map<string, Pending>();
  for (const change of moving) {
    for (const target of targetsOf(org, change)) {
      collect(pending, target, change.before, -1);
      collect(pending, target, change.after, 1);
    }
  }
  await addToRollups(db, orgId, pending.values());
}

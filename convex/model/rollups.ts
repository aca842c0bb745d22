import { applyDelta, zeroCounters, type CounterDelta } from "../../lib/metrics/counters";
import { ROLLUP_TABLES, type Contribution, type RollupTable } from "../../lib/metrics/contributions";
import { localDayOf } from "../../lib/time/windows";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";

/**
 * The `dailyStats` rows (DESIGN "Metrics"): keyed (org, generation, local day, agent). The triggers in
 * lib/triggers.ts keep them on every write; the rebuild in rollups.ts recomputes a new generation.
 */

type Target = { generation: number; timeZone: string };

export function currentRollups(org: Doc<"organizations">): Target {
  return { generation: org.rollupGeneration ?? 0, timeZone: org.rollupTimeZone ?? org.timezone };
}

/** Where a row stands for a running rebuild; `creationTime` is null for a row being inserted. */
type RowPosition = { table: RollupTable; creationTime: number | null };

/**
 * Whether a running rebuild has already counted this row (or will never reach it): it scans the
 * tables in ROLLUP_TABLES order, each in creation order, so a row it has not reached yet will be read
 * there in its latest state, and a row of a table it has finished must be counted by the write itself.
 */
export function rebuildHasCounted(rebuild: NonNullable<Doc<"organizations">["rollupRebuild"]>, row: RowPosition) {
  const phase = ROLLUP_TABLES.indexOf(rebuild.phase);
  const table = ROLLUP_TABLES.indexOf(row.table);
  if (table !== phase) return table < phase;
  // A row being inserted now comes after the cursor: the scan of this table will still reach it.
  if (row.creationTime === null) return false;
  return rebuild.cursor !== null && row.creationTime <= rebuild.cursor;
}

/** The generations a write of this row must update: the current one, and a rebuild that counted it. */
export function rollupTargetsOf(org: Doc<"organizations">, row: RowPosition): Target[] {
  const targets = [currentRollups(org)];
  const rebuild = org.rollupRebuild;
  if (rebuild && rebuildHasCounted(rebuild, row)) targets.push({ generation: rebuild.generation, timeZone: rebuild.timeZone });
  return targets;
}

type Pending = { generation: number; agentId: Id<"agents">; day: string; deltas: { delta: CounterDelta; sign: 1 | -1 }[] };
export type PendingRollups = Map<string, Pending>;

/**
 * Rollup rows already found in this transaction (keyed by its db): a mutation that writes a session
 * and a message touches the same row twice, and the second look is then a cached `get`, not a query.
 */
const rowIdsByTransaction = new WeakMap<DatabaseReader, RowIds>();
type RowIds = Map<string, Id<"dailyStats">>;

type RowKey = { generation: number; day: string; agentId: Id<"agents"> };

function knownRows(db: DatabaseReader) {
  // eslint-disable-next-line @convex-dev/explicit-table-ids -- a WeakMap lookup, not a database read
  const known: RowIds = rowIdsByTransaction.get(db) ?? new Map();
  rowIdsByTransaction.set(db, known);
  return known;
}

const memoKeyOf = (orgId: Id<"organizations">, key: RowKey) => `${orgId}|${key.generation}|${key.day}|${key.agentId}`;

export async function rollupRow(db: DatabaseReader, orgId: Id<"organizations">, key: RowKey) {
  const known = knownRows(db);
  const memoKey = memoKeyOf(orgId, key);
  const knownId = known.get(memoKey);
  if (knownId !== undefined) return db.get("dailyStats", knownId);
  const row = await db
    .query("dailyStats")
    .withIndex("by_org_and_generation_and_day_and_agent", (q) =>
      q.eq("orgId", orgId).eq("generation", key.generation).eq("day", key.day).eq("agentId", key.agentId),
    )
    .unique();
  if (row !== null) known.set(memoKey, row._id);
  return row;
}

/** Adds signed deltas to the rollup rows they belong to, creating rows as needed. */
export async function addToRollups(db: DatabaseWriter, orgId: Id<"organizations">, pending: Iterable<Pending>) {
  for (const { generation, agentId, day, deltas } of pending) {
    const row = await rollupRow(db, orgId, { generation, day, agentId });
    let counters = row?.counters ?? zeroCounters();
    for (const { delta, sign } of deltas) counters = applyDelta(counters, delta, sign);
    if (row === null) {
      const rowId = await db.insert("dailyStats", { orgId, agentId, day, generation, counters });
      knownRows(db).set(memoKeyOf(orgId, { generation, day, agentId }), rowId);
    } else await db.patch("dailyStats", row._id, { counters });
  }
}

/** Groups contributions by rollup row under one target (its generation and time zone). */
export function collect(into: PendingRollups, target: Target, contributions: Contribution[], sign: 1 | -1) {
  for (const { agentId, at, delta } of contributions) {
    const day = localDayOf(target.timeZone, at);
    const key = `${target.generation}|${agentId}|${day}`;
    const pending = into.get(key) ?? { generation: target.generation, agentId: agentId as Id<"agents">, day, deltas: [] };
    pending.deltas.push({ delta, sign });
    into.set(key, pending);
  }
}

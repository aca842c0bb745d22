import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "./_generated/server";
import { internalOrgMutation } from "./lib/functions";
import { contributionsOf, type RollupTable } from "../lib/metrics/contributions";
import { addToRollups, collect, currentRollups, type PendingRollups } from "./model/rollups";

/**
 * Rebuilding an org's rollups after its time zone changed: the next generation is computed table by
 * table in creation order, in batches far below Convex's limits, while live writes keep both
 * generations right (model/rollups.ts `rebuildHasCounted`). Dashboards read the current generation
 * until the new one is complete, then switch at once; the old rows are deleted afterwards.
 */

export const REBUILD_BATCH_SIZE = 200;
export const STALE_DELETE_BATCH_SIZE = 500;

const NEXT_PHASE: Record<RollupTable, RollupTable | null> = { sessions: "messages", messages: "stageEvents", stageEvents: null };

/** Starts (or restarts, superseding a running one) the rebuild of `org`'s rollups in `timeZone`. */
export async function startRollupRebuild(ctx: Pick<MutationCtx, "db" | "scheduler">, org: Doc<"organizations">, timeZone: string) {
  const current = currentRollups(org);
  const generation = Math.max(current.generation, org.rollupRebuild?.generation ?? 0) + 1;
  const rollupRebuild = { generation, timeZone, phase: "sessions" as const, cursor: null, processed: 0, startedAt: Date.now() };
  await ctx.db.patch("organizations", org._id, { rollupTimeZone: current.timeZone, rollupGeneration: current.generation, rollupRebuild });
  await ctx.scheduler.runAfter(0, internal.rollups.rebuildBatch, { orgId: org._id, generation });
}

async function nextRows(db: DatabaseReader, orgId: Id<"organizations">, table: RollupTable, cursor: number | null) {
  const after = cursor ?? -1;
  const query =
    table === "sessions"
      ? db.query("sessions").withIndex("by_org", (q) => q.eq("orgId", orgId).gt("_creationTime", after))
      : table === "messages"
        ? db.query("messages").withIndex("by_org", (q) => q.eq("orgId", orgId).gt("_creationTime", after))
        : db.query("stageEvents").withIndex("by_org", (q) => q.eq("orgId", orgId).gt("_creationTime", after));
  return query.take(REBUILD_BATCH_SIZE);
}

export const rebuildBatch = internalOrgMutation({
  args: { generation: v.number() },
  returns: v.null(),
  handler: async (ctx, { generation }) => {
    const orgId = ctx.org._id;
    const rebuild = ctx.org.rollupRebuild;
    // Superseded by a newer time zone change: this chain stops here.
    if (!rebuild || rebuild.generation !== generation) return null;
    const rows = await nextRows(ctx.db, orgId, rebuild.phase, rebuild.cursor);
    const pending: PendingRollups = new Map();
    const target = { generation, timeZone: rebuild.timeZone };
    for (const row of rows) collect(pending, target, contributionsOf(rebuild.phase, row as never), 1);
    await addToRollups(ctx.db, orgId, pending.values());
    const processed = rebuild.processed + rows.length;
    if (rows.length === REBUILD_BATCH_SIZE) {
      await ctx.db.patch("organizations", orgId, { rollupRebuild: { ...rebuild, cursor: rows.at(-1)!._creationTime, processed } });
    } else if (NEXT_PHASE[rebuild.phase] !== null) {
      await ctx.db.patch("organizations", orgId, { rollupRebuild: { ...rebuild, phase: NEXT_PHASE[rebuild.phase]!, cursor: null, processed } });
    } else {
      await ctx.db.patch("organizations", orgId, { rollupGeneration: generation, rollupTimeZone: rebuild.timeZone, rollupRebuild: undefined });
      await ctx.scheduler.runAfter(0, internal.rollups.deleteStaleRollups, { orgId, keepGeneration: generation });
      return null;
    }
    await ctx.scheduler.runAfter(0, internal.rollups.rebuildBatch, { orgId, generation });
    return null;
  },
});

/** Deletes rollup rows of older generations in batches, until none is left. */
export const deleteStaleRollups = internalOrgMutation({
  args: { keepGeneration: v.number() },
  returns: v.null(),
  handler: async (ctx, { keepGeneration }) => {
    const orgId = ctx.org._id;
    const stale = await ctx.db
      .query("dailyStats")
      .withIndex("by_org_and_generation_and_day_and_agent", (q) => q.eq("orgId", orgId).lt("generation", keepGeneration))
      .take(STALE_DELETE_BATCH_SIZE);
    for (const row of stale) await ctx.db.delete("dailyStats", row._id);
    if (stale.length === STALE_DELETE_BATCH_SIZE) {
      await ctx.scheduler.runAfter(0, internal.rollups.deleteStaleRollups, { orgId, keepGeneration });
    }
    return null;
  },
});

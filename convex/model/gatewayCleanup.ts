import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";

/** A few tries over about ten minutes: 30 s, 2 min, 8 min between them. */
export const CLEANUP_MAX_ATTEMPTS = 4;
const FIRST_RETRY_MS = 30_000;

/** The wait before try `attempt + 1`, after try `attempt` failed. */
export function cleanupRetryDelay(attempt: number): number {
  return FIRST_RETRY_MS * 4 ** (attempt - 1);
}

/** Long enough to inspect what happened; failed records stay until someone has looked (see pruneFinished). */
export const CLEANUP_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Records one cleanup per live agent of a deleting organization and schedules each at once. Runs in
 * the transaction that marks the org deleted, so the instance names are copied before any purge batch
 * can delete the agents. Idempotent: an instance that already has a record is left alone. Removed
 * agents are skipped: their instance was deleted when they were removed.
 */
export async function scheduleGatewayCleanups(ctx: Pick<MutationCtx, "db" | "scheduler">, orgId: Id<"organizations">): Promise<number> {
  // Bounded by the per-org agent cap (withinAgentCapX).
  const agents = await ctx.db
    .query("agents")
    .withIndex("by_org_and_deletedAt", (q) => q.eq("orgId", orgId).eq("deletedAt", undefined))
    .collect();
  let scheduled = 0;
  for (const { instanceName } of agents) {
    const existing = await ctx.db
      .query("gatewayCleanups")
      .withIndex("by_instanceName", (q) => q.eq("instanceName", instanceName))
      .unique();
    if (existing !== null) continue;
    await ctx.db.insert("gatewayCleanups", { instanceName, deletedOrgId: orgId, state: "pending", attempts: 0, createdAt: Date.now() });
    await ctx.scheduler.runAfter(0, internal.gatewayCleanup.run, { instanceName });
    scheduled++;
  }
  return scheduled;
}

import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalMutation } from "./lib/functions";
import { TENANT_TABLES, tenantRowsByOrg, type TenantTable } from "./model/tenantRows";

/** Far below Convex's 16,000 writes per transaction, and small enough to keep each run short. */
export const PURGE_BATCH_SIZE = 500;

/**
 * Not an org function on purpose: it runs on a deleted org, which internalOrgMutation refuses. Deletes
 * up to PURGE_BATCH_SIZE rows of that org, then schedules itself until none are left.
 */
export const purgeOrganizationBatch = internalMutation({
  args: { orgId: v.id("organizations") },
  returns: v.object({ deleted: v.number(), done: v.boolean() }),
  handler: async (ctx, { orgId }) => {
    const org = await ctx.db.get("organizations", orgId);
    if (org === null || org.deletedAt === undefined || org.purgedAt !== undefined) return { deleted: 0, done: true };
    let deleted = 0;
    for (const table of TENANT_TABLES) {
      const rows = await tenantRowsByOrg[table](ctx.db, orgId, PURGE_BATCH_SIZE - deleted);
      for (const row of rows) await ctx.db.delete(table, row._id as Id<TenantTable>);
      deleted += rows.length;
      if (deleted === PURGE_BATCH_SIZE) {
        await ctx.scheduler.runAfter(0, internal.purge.purgeOrganizationBatch, { orgId });
        return { deleted, done: false };
      }
    }
    await ctx.db.patch("organizations", orgId, { purgedAt: Date.now() });
    return { deleted, done: true };
  },
});

import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./lib/functions";

/** Svix gives up retrying after a few days; a month of ids is ample to catch every replay. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PRUNE_BATCH_SIZE = 500;

/** Global: delivery ids belong to no org. Deletes those older than the retention window, a batch at a time. */
export const pruneExpired = internalMutation({
  args: {},
  returns: v.object({ deleted: v.number() }),
  handler: async (ctx) => {
    const cutoff = Date.now() - DELIVERY_RETENTION_MS;
    const expired = await ctx.db
      .query("webhookDeliveries")
      .withIndex("by_receivedAt", (q) => q.lt("receivedAt", cutoff))
      .take(PRUNE_BATCH_SIZE);
    for (const delivery of expired) await ctx.db.delete("webhookDeliveries", delivery._id);
    if (expired.length === PRUNE_BATCH_SIZE) {
      await ctx.scheduler.runAfter(0, internal.webhookDeliveries.pruneExpired, {});
    }
    return { deleted: expired.length };
  },
});

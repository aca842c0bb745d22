import { ConvexError, v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./lib/functions";
import { CLEANUP_MAX_ATTEMPTS, CLEANUP_RETENTION_MS, cleanupRetryDelay } from "./model/gatewayCleanup";
import { gatewayFromEnv, retireInstance } from "./model/gateway";

/**
 * The gateway half of deleting an organization: each of its WhatsApp instances is logged out and
 * deleted, retried with backoff, and the outcome recorded in `gatewayCleanups`. Every function here
 * is global on purpose: it works on an organization that is deleted (which the org builders refuse)
 * and on records that outlive its purge.
 */

const LAST_ERROR_MAX_LENGTH = 500;

const cleanupArgs = { instanceName: v.string() };

/** The attempt to make next, or null when the cleanup is no longer pending (done, failed, unknown). */
export const nextAttempt = internalQuery({
  args: cleanupArgs,
  returns: v.union(v.number(), v.null()),
  handler: async (ctx, { instanceName }) => {
    const cleanup = await ctx.db
      .query("gatewayCleanups")
      .withIndex("by_instanceName", (q) => q.eq("instanceName", instanceName))
      .unique();
    return cleanup?.state === "pending" ? cleanup.attempts + 1 : null;
  },
});

function reasonOf(error: unknown): string {
  const data = error instanceof ConvexError ? (error.data as { message?: unknown }) : null;
  const message = typeof data?.message === "string" ? data.message : error instanceof Error ? error.message : "unknown error";
  return message.slice(0, LAST_ERROR_MAX_LENGTH);
}

/** One try: log out, delete, record. The gateway is called outside any transaction, as actions must. */
export const run = internalAction({
  args: cleanupArgs,
  returns: v.null(),
  handler: async (ctx, { instanceName }): Promise<null> => {
    const attempt = await ctx.runQuery(internal.gatewayCleanup.nextAttempt, { instanceName });
    if (attempt === null) return null;
    let error: string | null = null;
    try {
      await retireInstance(gatewayFromEnv(), instanceName);
    } catch (caught) {
      error = reasonOf(caught);
    }
    await ctx.runMutation(internal.gatewayCleanup.recordAttempt, { instanceName, attempt, error });
    return null;
  },
});

/**
 * Done on success; otherwise the error is kept and another try scheduled, until the last try marks
 * it failed. A try whose number is not the next one (a duplicate run) changes nothing.
 */
export const recordAttempt = internalMutation({
  args: { ...cleanupArgs, attempt: v.number(), error: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { instanceName, attempt, error }) => {
    const cleanup = await ctx.db
      .query("gatewayCleanups")
      .withIndex("by_instanceName", (q) => q.eq("instanceName", instanceName))
      .unique();
    if (cleanup === null || cleanup.state !== "pending" || cleanup.attempts !== attempt - 1) return null;
    if (error === null) {
      await ctx.db.patch("gatewayCleanups", cleanup._id, { state: "done", attempts: attempt, finishedAt: Date.now() });
      return null;
    }
    const last = attempt >= CLEANUP_MAX_ATTEMPTS;
    await ctx.db.patch("gatewayCleanups", cleanup._id, {
      attempts: attempt,
      lastError: error,
      ...(last ? { state: "failed" as const, finishedAt: Date.now() } : {}),
    });
    if (last) console.error(`[gatewayCleanup] instance ${instanceName} could not be retired after ${attempt} tries: ${error}`);
    else await ctx.scheduler.runAfter(cleanupRetryDelay(attempt), internal.gatewayCleanup.run, { instanceName });
    return null;
  },
});

const PRUNE_BATCH_SIZE = 500;

/**
 * Forgets finished cleanups after the retention window. Failed ones stay: the instance may still be
 * on the gateway, and someone has to look before the record goes.
 */
export const pruneFinished = internalMutation({
  args: {},
  returns: v.object({ deleted: v.number() }),
  handler: async (ctx) => {
    const cutoff = Date.now() - CLEANUP_RETENTION_MS;
    const finished = await ctx.db
      .query("gatewayCleanups")
      .withIndex("by_state_and_finishedAt", (q) => q.eq("state", "done").lt("finishedAt", cutoff))
      .take(PRUNE_BATCH_SIZE);
    for (const cleanup of finished) await ctx.db.delete("gatewayCleanups", cleanup._id);
    if (finished.length === PRUNE_BATCH_SIZE) await ctx.scheduler.runAfter(0, internal.gatewayCleanup.pruneFinished, {});
    return { deleted: finished.length };
  },
});

import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { CREDENTIAL_LIFETIME_MS } from "../lib/whatsapp/signatures";
import { internal } from "./_generated/api";
import { internalMutation } from "./lib/functions";
import { takeTokenX } from "./model/rateLimits";

/**
 * Binds WhatsApp webhook deliveries to the credential they carry (SECURITY 1).
 *
 * Evolution's `jwt_key` mode sends `Authorization: Bearer <HS256 JWT>` with only iat/exp (+600 s):
 * no jti and no body hash, and every event of the same second carries the same token
 * (evolution-api webhook.controller.ts `generateJwtToken`). So "same token, another body" cannot be
 * refused outright without losing real messages. Instead:
 *  - an identical (credential, body) pair seen again is answered 200 as a duplicate and not
 *    reprocessed (Evolution's retries, a replayed capture), once its first delivery was applied;
 *    a pair whose first delivery failed half-way is processed again (ingest is idempotent);
 *  - one credential may carry at most `MAX_BODIES_PER_CREDENTIAL` distinct bodies: a leaked token
 *    buys an attacker a handful of deliveries in its ten minutes, not an open channel;
 *  - records live as long as the credential could still be accepted, then a cron prunes them.
 * Global on purpose: a credential hash belongs to no org (the agent was resolved by instance name).
 */

/**
 * Distinct bodies one credential may carry. Evolution mints one token per event per second, so
 * this bounds a one-second burst of one number (a flood of status updates and contact syncs while
 * pairing reaches a few dozen events); 100 leaves room and still caps a leaked token.
 */
export const MAX_BODIES_PER_CREDENTIAL = 100;

const verdictValidator = literals("process", "duplicate", "exhausted");

/** Before a verified delivery is applied: process it, answer it as a duplicate, or refuse it (or RATE_LIMITED). */
export const claim = internalMutation({
  args: { credentialHash: v.string(), bodyHash: v.string(), agentId: v.id("agents") },
  returns: verdictValidator,
  handler: async (ctx, { credentialHash, bodyHash, agentId }) => {
    const seen = await ctx.db
      .query("webhookCredentialBodies")
      .withIndex("by_credentialHash_and_bodyHash", (q) => q.eq("credentialHash", credentialHash).eq("bodyHash", bodyHash))
      .unique();
    if (seen !== null) return seen.settled ? "duplicate" : "process";
    const expiresAt = Date.now() + CREDENTIAL_LIFETIME_MS;
    const credential = await ctx.db
      .query("webhookCredentials")
      .withIndex("by_credentialHash", (q) => q.eq("credentialHash", credentialHash))
      .unique();
    // A new body is a new delivery for the number: its bucket pays (RATE_LIMITED throws, nothing written).
    // Here and not in the ingest transaction, whose read budget (≤ 10) this one read would strain.
    if (credential === null || credential.bodies < MAX_BODIES_PER_CREDENTIAL) await takeTokenX(ctx.db, "agentWebhooks", `agent:${agentId}`);
    if (credential === null) {
      await ctx.db.insert("webhookCredentials", { credentialHash, bodies: 1, expiresAt });
    } else if (credential.bodies >= MAX_BODIES_PER_CREDENTIAL) {
      return "exhausted";
    } else {
      await ctx.db.patch("webhookCredentials", credential._id, { bodies: credential.bodies + 1 });
    }
    await ctx.db.insert("webhookCredentialBodies", { credentialHash, bodyHash, settled: false, expiresAt });
    return "process";
  },
});

/** After every change of the delivery was applied: a later identical delivery is a duplicate. */
export const settle = internalMutation({
  args: { credentialHash: v.string(), bodyHash: v.string() },
  returns: v.null(),
  handler: async (ctx, { credentialHash, bodyHash }) => {
    const seen = await ctx.db
      .query("webhookCredentialBodies")
      .withIndex("by_credentialHash_and_bodyHash", (q) => q.eq("credentialHash", credentialHash).eq("bodyHash", bodyHash))
      .unique();
    if (seen !== null && !seen.settled) await ctx.db.patch("webhookCredentialBodies", seen._id, { settled: true });
    return null;
  },
});

const PRUNE_BATCH_SIZE = 500;

/** Cron: records of credentials that can no longer be accepted, a batch at a time. */
export const pruneExpired = internalMutation({
  args: {},
  returns: v.object({ deleted: v.number() }),
  handler: async (ctx) => {
    const now = Date.now();
    const bodies = await ctx.db
      .query("webhookCredentialBodies")
      .withIndex("by_expiresAt", (q) => q.lt("expiresAt", now))
      .take(PRUNE_BATCH_SIZE);
    const credentials = await ctx.db
      .query("webhookCredentials")
      .withIndex("by_expiresAt", (q) => q.lt("expiresAt", now))
      .take(PRUNE_BATCH_SIZE - bodies.length);
    for (const row of bodies) await ctx.db.delete("webhookCredentialBodies", row._id);
    for (const row of credentials) await ctx.db.delete("webhookCredentials", row._id);
    const deleted = bodies.length + credentials.length;
    if (deleted === PRUNE_BATCH_SIZE) await ctx.scheduler.runAfter(0, internal.webhookReplays.pruneExpired, {});
    return { deleted };
  },
});

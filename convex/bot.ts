import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import type { MutationCtx } from "./_generated/server";
import { internalAction, internalMutation } from "./lib/functions";
import { planBotReply } from "./model/botBrain";
import {
  botContextValidator,
  botReplyValidator,
  declineReason,
  declineReasonValidator,
  needsAnotherRun,
  readBotContext,
  recordStageChange,
  sessionAndAgent,
  sessionPatchAfterReply,
  storeBotMessage,
  takeLease,
  type DeclineReason,
} from "./model/botRun";
import { gatewayFromEnv } from "./model/gateway";
import { sessionChange } from "./model/rollupFacts";
import { applyRollupChanges } from "./model/rollups";
import { botActive, MAX_REPLY_ATTEMPTS, nextRunAt, RELEASED_LEASE, retryDelayMs } from "./model/replies";

/**
 * The SPIN bot's reply pipeline (DESIGN "SPIN replies"): at most one run holds a session at a time
 * (a lease with expiry and token), bursts are coalesced, failures retry with backoff and then flag
 * the session for a person. Every function here is internal: runs are scheduled, never called.
 */

const sessionArgs = { orgId: v.id("organizations"), sessionId: v.id("sessions") };
const leaseArgs = { ...sessionArgs, token: v.string() };

const declined = (reason: DeclineReason) => ({ accepted: false as const, reason });

/** Unique per run; mutations' randomness is seeded, so the clock keeps two runs' tokens apart. */
const newToken = (now: number) => `${now.toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** A run was turned away while another holds the lease: the holder runs once more when it finishes. */
async function markPending(ctx: MutationCtx, session: Doc<"sessions">) {
  if (session.pendingReply) return;
  await ctx.db.patch("sessions", session._id, { pendingReply: true });
  // If the holder crashed, nobody would run again: look again once its lease has expired.
  const { orgId, _id: sessionId } = session;
  await ctx.scheduler.runAt(session.processingExpiresAt!, internal.bot.reply, { orgId, sessionId, attempt: 1 });
}

export const checkAndSetProcessing = internalMutation({
  args: sessionArgs,
  returns: v.union(
    v.object({ accepted: v.literal(false), reason: declineReasonValidator }),
    v.object({ accepted: v.literal(true), token: v.string(), batchThrough: v.number(), context: botContextValidator }),
  ),
  handler: async (ctx, { orgId, sessionId }) => {
    const found = await sessionAndAgent(ctx.db, orgId, sessionId);
    if (found === null) return declined("gone");
    const now = Date.now();
    const reason = declineReason(found, now);
    if (reason === "busy") await markPending(ctx, found.session);
    // The number is not connected: the bot cannot answer, so a person should.
    if (reason === "offline" && !found.session.needsAttention) await ctx.db.patch("sessions", sessionId, { needsAttention: true });
    if (reason !== null) return declined(reason);
    const context = await readBotContext(ctx.db, found);
    if (context === null) return declined("gone");
    const lease = await takeLease(ctx.db, found.session, now, newToken(now));
    return { accepted: true as const, ...lease, context };
  },
});

/** Last look before sending: a person may have paused the bot (or replied) while the reply was planned. */
export const confirmSend = internalMutation({
  args: leaseArgs,
  returns: v.boolean(),
  handler: async (ctx, { orgId, sessionId, token }) => {
    const found = await sessionAndAgent(ctx.db, orgId, sessionId);
    if (found === null || found.session.processingToken !== token) return false;
    if (botActive(found.agent, found.session)) return true;
    await ctx.db.patch("sessions", sessionId, { ...RELEASED_LEASE, pendingReply: false });
    return false;
  },
});

export const finishProcessing = internalMutation({
  args: { ...leaseArgs, batchThrough: v.number(), reply: botReplyValidator, externalId: v.string() },
  returns: v.null(),
  handler: async (ctx, { orgId, sessionId, token, batchThrough, reply, externalId }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null || session.orgId !== orgId) return null;
    // A reply that went out is always recorded, even by a run whose lease expired meanwhile.
    const ownsLease = session.processingToken === token;
    const sentAt = Date.now();
    const message = await storeBotMessage(ctx.db, session, { reply, externalId, batchThrough, sentAt });
    const { furthestStage, change: stageChange } = await recordStageChange(ctx.db, session, reply, sentAt);
    const patch = sessionPatchAfterReply(session, { reply, batchThrough, sentAt, ownsLease, furthestStage });
    await ctx.db.patch("sessions", session._id, patch);
    const changes = [message, sessionChange(session, { ...session, ...patch }), ...(stageChange ? [stageChange] : [])];
    await applyRollupChanges(ctx.db, orgId, changes);
    if (ownsLease && needsAnotherRun(session, batchThrough)) {
      await ctx.scheduler.runAt(nextRunAt(session, sentAt), internal.bot.reply, { orgId, sessionId, attempt: 1 });
    }
    return null;
  },
});

/** Releases the lease; retries with backoff, then flags the session for a person. No message is dropped. */
export const failProcessing = internalMutation({
  args: { ...leaseArgs, attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { orgId, sessionId, token, attempt }) => {
    const session = await ctx.db.get("sessions", sessionId);
    // Only the run holding the lease may release it (and schedule the retry).
    if (session === null || session.orgId !== orgId || session.processingToken !== token) return null;
    const giveUp = attempt >= MAX_REPLY_ATTEMPTS;
    await ctx.db.patch("sessions", sessionId, { ...RELEASED_LEASE, pendingReply: false, ...(giveUp ? { needsAttention: true } : {}) });
    if (!giveUp) await ctx.scheduler.runAfter(retryDelayMs(attempt), internal.bot.reply, { orgId, sessionId, attempt: attempt + 1 });
    return null;
  },
});

/** One run: lease, plan, last look, send, record. Scheduled by the webhook ingest, retries and controls. */
export const reply = internalAction({
  args: { ...sessionArgs, attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { orgId, sessionId, attempt }) => {
    const lease = await ctx.runMutation(internal.bot.checkAndSetProcessing, { orgId, sessionId });
    if (!lease.accepted) return null;
    const { token, batchThrough, context } = lease;
    let sent: { externalId: string; reply: Awaited<ReturnType<typeof planBotReply>> };
    try {
      const planned = await planBotReply(context);
      if (!(await ctx.runMutation(internal.bot.confirmSend, { orgId, sessionId, token }))) return null;
      const { externalId } = await gatewayFromEnv().sendText(context.instanceName, { number: context.number, text: planned.text });
      sent = { externalId, reply: planned };
    } catch (error) {
      console.warn(`[bot] reply attempt ${attempt} failed for session ${sessionId}: ${String(error)}`);
      await ctx.runMutation(internal.bot.failProcessing, { orgId, sessionId, token, attempt });
      return null;
    }
    await ctx.runMutation(internal.bot.finishProcessing, { orgId, sessionId, token, batchThrough, ...sent });
    return null;
  },
});

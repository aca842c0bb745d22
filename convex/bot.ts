import { v } from "convex/values";
import { toAppErrorData } from "../lib/errors";
import { internal } from "./_generated/api";
import { internalAction, internalOrgMutation } from "./lib/functions";
import { declineReason, declineReasonValidator, markPending, needsAnotherRun, sessionAndAgent, takeLease } from "./model/botLease";
import { botContextValidator, planBotTurn, plannedTurnValidator, readBotContext, type PlannedTurn } from "./model/botPlan";
import { recordBotTurn } from "./model/botRecord";
import { botActive, MAX_REPLY_ATTEMPTS, nextRunAt, RELEASED_LEASE, retryDelayMs } from "./model/botRules";
import { gatewayFromEnv } from "./model/gateway";
import { maskPhones } from "../lib/phone-masking";

/**
 * The SPIN bot's reply pipeline (DESIGN "SPIN replies"): at most one run holds a session at a time
 * (a lease with expiry and token), bursts are coalesced, failures retry with backoff and then flag
 * the session for a person. Every function here is internal: runs are scheduled, never called.
 */

const sessionArgs = { sessionId: v.id("sessions") };
const leaseArgs = { ...sessionArgs, token: v.string() };

const declined = (reason: typeof declineReasonValidator.type) => ({ accepted: false as const, reason });

export const checkAndSetProcessing = internalOrgMutation({
  args: sessionArgs,
  returns: v.union(
    v.object({ accepted: v.literal(false), reason: declineReasonValidator }),
    v.object({ accepted: v.literal(true), token: v.string(), batchThrough: v.number(), context: botContextValidator }),
  ),
  handler: async (ctx, { sessionId }) => {
    const found = await sessionAndAgent(ctx.db, sessionId);
    if (found === null) return declined("gone");
    const now = Date.now();
    const reason = declineReason(found, now);
    if (reason === "busy") await markPending(ctx, found.session);
    // The number is not connected: the bot cannot answer, so a person should.
    if (reason === "offline" && !found.session.needsAttention) await ctx.db.patch("sessions", sessionId, { needsAttention: true });
    if (reason !== null) return declined(reason);
    const context = await readBotContext(ctx.db, found, ctx.org, now);
    if (context === null) return declined("gone");
    const lease = await takeLease(ctx.db, found.session, now);
    return { accepted: true as const, ...lease, context };
  },
});

/** Last look before sending: a person may have paused the bot (or replied) while the reply was planned. */
export const confirmSend = internalOrgMutation({
  args: leaseArgs,
  returns: v.boolean(),
  handler: async (ctx, { sessionId, token }) => {
    const found = await sessionAndAgent(ctx.db, sessionId);
    if (found === null || found.session.processingToken !== token) return false;
    if (botActive(found.agent, found.session)) return true;
    await ctx.db.patch("sessions", sessionId, { ...RELEASED_LEASE, pendingReply: false });
    return false;
  },
});

export const finishProcessing = internalOrgMutation({
  args: { ...leaseArgs, batchThrough: v.number(), turn: plannedTurnValidator, externalId: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { sessionId, token, batchThrough, turn, externalId }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null) return null;
    // A reply that went out is always recorded, even by a run whose lease expired meanwhile.
    const ownsLease = session.processingToken === token;
    const at = Date.now();
    await recordBotTurn(ctx.db, session, { turn, externalId, batchThrough, at }, ownsLease);
    if (ownsLease && needsAnotherRun(session, batchThrough)) {
      await ctx.scheduler.runAt(nextRunAt(session, at), internal.bot.reply, { orgId: ctx.org._id, sessionId, attempt: 1 });
    }
    return null;
  },
});

/** Releases the lease; retries with backoff, then flags the session for a person. No message is dropped. */
export const failProcessing = internalOrgMutation({
  args: { ...leaseArgs, attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { sessionId, token, attempt }) => {
    const session = await ctx.db.get("sessions", sessionId);
    // Only the run holding the lease may release it (and schedule the retry).
    if (session === null || session.processingToken !== token) return null;
    const giveUp = attempt >= MAX_REPLY_ATTEMPTS;
    await ctx.db.patch("sessions", sessionId, { ...RELEASED_LEASE, pendingReply: false, ...(giveUp ? { needsAttention: true } : {}) });
    if (!giveUp) await ctx.scheduler.runAfter(retryDelayMs(attempt), internal.bot.reply, { orgId: ctx.org._id, sessionId, attempt: attempt + 1 });
    return null;
  },
});

/** One run: lease, plan, last look, send, record. Scheduled by the webhook ingest, retries and controls. */
export const reply = internalAction({
  args: { orgId: v.id("organizations"), ...sessionArgs, attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { orgId, sessionId, attempt }) => {
    const lease = await ctx.runMutation(internal.bot.checkAndSetProcessing, { orgId, sessionId }).catch((error: unknown) => {
      // A run scheduled before its organization was deleted answers nobody.
      if (toAppErrorData(error).code === "ORG_NOT_FOUND") return declined("gone");
      throw error;
    });
    if (!lease.accepted) return null;
    const { token, batchThrough, context } = lease;
    let sent: { externalId: string | null; turn: PlannedTurn };
    try {
      const turn = await planBotTurn(context);
      sent = { externalId: null, turn };
      // A silent turn (after a handoff or an opt-out) sends nothing; it is still recorded.
      if (turn.text !== null) {
        if (!(await ctx.runMutation(internal.bot.confirmSend, { orgId, sessionId, token }))) return null;
        const { externalId } = await gatewayFromEnv().sendText(context.instanceName, { number: context.number, text: turn.text });
        sent = { externalId, turn };
      }
    } catch (error) {
      console.warn(maskPhones(`[bot] reply attempt ${attempt} failed for session ${sessionId}: ${String(error)}`));
      await ctx.runMutation(internal.bot.failProcessing, { orgId, sessionId, token, attempt });
      return null;
    }
    await ctx.runMutation(internal.bot.finishProcessing, { orgId, sessionId, token, batchThrough, ...sent });
    return null;
  },
});

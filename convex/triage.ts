import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseWriter } from "./_generated/server";
import { fail } from "./lib/errors";
import { internalOrgMutation, orgMutation, type Viewer } from "./lib/functions";
import { recordAudit } from "./model/audit";
import { sessionX } from "./model/inbox";
import { liveMembership } from "./model/routing";

/**
 * A conversation's status and owner, changed by any member (Chatwoot-style triage). Each change is
 * audited; setting what is already set changes and records nothing.
 */

/** The furthest a snooze may reach: past it, "resolve" says what the person means. */
export const MAX_SNOOZE_MS = 90 * 24 * 60 * 60 * 1000;

type TriageCtx = { db: DatabaseWriter; org: Doc<"organizations">; viewer: Viewer };
type Status = Doc<"sessions">["status"];

const AUDIT_ACTION: Record<Status, string> = {
  open: "session.reopened",
  pending: "session.pending",
  snoozed: "session.snoozed",
  resolved: "session.resolved",
};

async function setStatus(ctx: TriageCtx, sessionId: Id<"sessions">, status: Status, snoozedUntil?: number) {
  const session = await sessionX(ctx.db, sessionId);
  if (session.status === status && session.snoozedUntil === snoozedUntil) return session;
  await ctx.db.patch("sessions", session._id, { status, snoozedUntil });
  await recordAudit(ctx.db, {
    orgId: ctx.org._id,
    actorUserId: ctx.viewer.userId,
    action: AUDIT_ACTION[status],
    target: `session:${session._id}`,
  });
  return session;
}

const bySession = { sessionId: v.id("sessions") };

/** Done until the customer writes again. */
export const resolve = orgMutation({
  args: bySession,
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    await setStatus(ctx, sessionId, "resolved");
    return null;
  },
});

export const reopen = orgMutation({
  args: bySession,
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    await setStatus(ctx, sessionId, "open");
    return null;
  },
});

/** Waiting on the customer: out of the open views until they answer. */
export const markPending = orgMutation({
  args: bySession,
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    await setStatus(ctx, sessionId, "pending");
    return null;
  },
});

/**
 * Out of sight until `until` (a scheduled wake-up reopens it), or, without a time, until the
 * customer's next message. A customer message reopens it either way (model/sessions.ts).
 */
export const snooze = orgMutation({
  args: { sessionId: v.id("sessions"), until: v.optional(v.number()) },
  returns: v.null(),
  handler: async (ctx, { sessionId, until }) => {
    const now = Date.now();
    if (until !== undefined && (!Number.isFinite(until) || until <= now)) fail("INVALID_ARGUMENT", "Pick a time in the future.");
    if (until !== undefined && until > now + MAX_SNOOZE_MS) fail("INVALID_ARGUMENT", "A conversation can be snoozed for at most 90 days.");
    const before = await setStatus(ctx, sessionId, "snoozed", until);
    const changed = before.status !== "snoozed" || before.snoozedUntil !== until;
    if (changed && until !== undefined) {
      await ctx.scheduler.runAt(until, internal.triage.wake, { orgId: ctx.org._id, sessionId, until });
    }
    return null;
  },
});

/** The snooze's alarm: reopens only a session still snoozed until this very time (a later snooze or a reply wins). */
export const wake = internalOrgMutation({
  args: { sessionId: v.id("sessions"), until: v.number() },
  returns: v.null(),
  handler: async (ctx, { sessionId, until }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null || session.status !== "snoozed" || session.snoozedUntil !== until) return null;
    await ctx.db.patch("sessions", session._id, { status: "open", snoozedUntil: undefined });
    await recordAudit(ctx.db, { orgId: ctx.org._id, action: "session.reopened", target: `session:${session._id}` });
    return null;
  },
});

/** Gives the conversation to a current member of the org (the viewer or a teammate). */
export const assign = orgMutation({
  args: { sessionId: v.id("sessions"), assigneeId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { sessionId, assigneeId }) => {
    const session = await sessionX(ctx.db, sessionId);
    if ((await liveMembership(ctx.db, ctx.org._id, assigneeId)) === null) {
      fail("INVALID_ARGUMENT", "Conversations can only be assigned to members of this organization.");
    }
    if (session.assigneeId === assigneeId) return null;
    await ctx.db.patch("sessions", session._id, { assigneeId });
    await recordAudit(ctx.db, {
      orgId: ctx.org._id,
      actorUserId: ctx.viewer.userId,
      action: "session.assigned",
      target: `session:${session._id}`,
    });
    return null;
  },
});

export const unassign = orgMutation({
  args: bySession,
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    const session = await sessionX(ctx.db, sessionId);
    if (session.assigneeId === undefined) return null;
    await ctx.db.patch("sessions", session._id, { assigneeId: undefined });
    await recordAudit(ctx.db, {
      orgId: ctx.org._id,
      actorUserId: ctx.viewer.userId,
      action: "session.unassigned",
      target: `session:${session._id}`,
    });
    return null;
  },
});

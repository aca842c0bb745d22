/**
 * The database half of the agent actions in agents.ts (actions have no db). Internal only: each
 * function takes `orgId` explicitly and refuses an agent of another org as NOT_FOUND.
 */
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import type { DatabaseWriter } from "./_generated/server";
import { internalMutation, internalQuery } from "./lib/functions";
import { actorUserIdOf, liveAgentX, unusedInstanceName } from "./model/agents";
import { recordAudit } from "./model/audit";

const orgAgentArgs = { orgId: v.id("organizations"), agentId: v.id("agents") };
const adminChangeArgs = { ...orgAgentArgs, actorExternalId: v.string() };

async function auditAgent(
  db: DatabaseWriter,
  args: { orgId: Id<"organizations">; agentId: Id<"agents">; actorExternalId: string },
  action: string,
) {
  await recordAudit(db, {
    orgId: args.orgId,
    actorUserId: await actorUserIdOf(db, args.actorExternalId),
    action,
    target: `agent:${args.agentId}`,
  });
}

/** Step 1 of create: the row exists (status "created") before the gateway hears of its name. */
export const reserve = internalMutation({
  args: {
    orgId: v.id("organizations"),
    name: v.string(),
    persona: v.string(),
    product: v.string(),
    webhookSecret: v.string(),
  },
  returns: v.object({ agentId: v.id("agents"), instanceName: v.string() }),
  handler: async (ctx, args) => {
    const instanceName = await unusedInstanceName(ctx.db);
    const agentId = await ctx.db.insert("agents", { ...args, instanceName, status: "created", aiEnabled: true });
    return { agentId, instanceName };
  },
});

/** Undoes `reserve` when the gateway refused the instance: no half-created agent stays behind. */
export const discardReservation = internalMutation({
  args: orgAgentArgs,
  returns: v.null(),
  handler: async (ctx, { orgId, agentId }) => {
    const agent = await ctx.db.get("agents", agentId);
    if (agent !== null && agent.orgId === orgId) await ctx.db.delete("agents", agentId);
    return null;
  },
});

/** Step 2 of create, once the gateway has the instance. */
export const markCreated = internalMutation({
  args: { ...adminChangeArgs, qrCode: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.orgId, args.agentId);
    // A webhook may have arrived first with a newer QR or state: it wins.
    if (agent.status === "created") {
      await ctx.db.patch("agents", agent._id, {
        status: "connecting",
        qrCode: args.qrCode ?? undefined,
        qrUpdatedAt: args.qrCode === null ? undefined : Date.now(),
      });
    }
    await auditAgent(ctx.db, args, "agent.created");
    return null;
  },
});

/** What an action needs to address the agent's instance on the gateway. */
export const instanceOf = internalQuery({
  args: orgAgentArgs,
  returns: v.object({ instanceName: v.string() }),
  handler: async (ctx, { orgId, agentId }) => {
    const agent = await liveAgentX(ctx.db, orgId, agentId);
    return { instanceName: agent.instanceName };
  },
});

/** After refreshQr: a fresh QR means pairing; no QR means the gateway's own state stands. */
export const storePairing = internalMutation({
  args: {
    ...adminChangeArgs,
    qrCode: v.union(v.string(), v.null()),
    state: v.union(v.literal("open"), v.literal("connecting"), v.literal("close")),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.orgId, args.agentId);
    if (args.qrCode !== null) {
      await ctx.db.patch("agents", agent._id, { status: "connecting", qrCode: args.qrCode, qrUpdatedAt: Date.now() });
    } else {
      await ctx.db.patch("agents", agent._id, { status: args.state, qrCode: undefined, qrUpdatedAt: undefined });
    }
    await auditAgent(ctx.db, args, "agent.qr_refreshed");
    return null;
  },
});

const unlinked = { status: "close", qrCode: undefined, qrUpdatedAt: undefined, phoneNumber: undefined } as const;

export const markDisconnected = internalMutation({
  args: adminChangeArgs,
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.orgId, args.agentId);
    await ctx.db.patch("agents", agent._id, unlinked);
    await auditAgent(ctx.db, args, "agent.disconnected");
    return null;
  },
});

/** Soft delete: sessions and messages keep pointing at the row, so conversations stay readable. */
export const markDeleted = internalMutation({
  args: adminChangeArgs,
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.orgId, args.agentId);
    await ctx.db.patch("agents", agent._id, { ...unlinked, deletedAt: Date.now() });
    await auditAgent(ctx.db, args, "agent.deleted");
    return null;
  },
});

/** Stored only after the gateway signs with the new secret, so the two never disagree for long. */
/** How long deliveries signed with the previous secret are still accepted after a rotation. */
export const SECRET_GRACE_MS = 10 * 60 * 1000;

const rotationTarget = { orgId: v.id("organizations"), agentId: v.id("agents") };

export const beginSecretRotation = internalMutation({
  args: { ...rotationTarget, webhookSecret: v.string() },
  returns: v.object({ previousSecret: v.string() }),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.orgId, args.agentId);
    await ctx.db.patch("agents", agent._id, {
      webhookSecret: args.webhookSecret,
      previousWebhookSecret: agent.webhookSecret,
      previousSecretValidUntil: Date.now() + SECRET_GRACE_MS,
    });
    return { previousSecret: agent.webhookSecret };
  },
});

/** The gateway refused the new secret: the old one is the only one again. */
export const revertSecretRotation = internalMutation({
  args: { ...rotationTarget, previousSecret: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.orgId, args.agentId);
    await ctx.db.patch("agents", agent._id, {
      webhookSecret: args.previousSecret,
      previousWebhookSecret: undefined,
      previousSecretValidUntil: undefined,
    });
    return null;
  },
});

export const confirmSecretRotation = internalMutation({
  args: adminChangeArgs,
  returns: v.null(),
  handler: async (ctx, args) => {
    await liveAgentX(ctx.db, args.orgId, args.agentId);
    await auditAgent(ctx.db, args, "agent.secret_rotated");
    return null;
  },
});

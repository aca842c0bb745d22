import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { SPIN_LANGUAGES } from "../lib/spin/types";
import { CONNECTION_STATES, type EvolutionClient } from "../lib/whatsapp/types";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { ActionCtx, DatabaseWriter } from "./_generated/server";
import { fail } from "./lib/errors";
import { internalMutation, internalOrgMutation, internalOrgQuery, orgAction } from "./lib/functions";
import { actorUserIdOf, agentProfileX, liveAgentX, newWebhookSecret, unusedInstanceName, withinAgentCapX } from "./model/agents";
import { recordAudit } from "./model/audit";
import { resolveConversationsOfRemovedAgent } from "./agentRemoval";
import { agentKnowledgeValidator } from "./schema";
import { failFromGateway, gatewayFromEnv, retireInstance, webhookTargetFor } from "./model/gateway";
import { AGENT_CREATIONS, QR_REFRESHES, withinOrgLimitsX } from "./model/rateLimits";

/**
 * An agent's life on the WhatsApp gateway (Evolution API): each admin action beside the database
 * half it runs through. Actions have no db, so every step they record is an internal mutation of the
 * org, and each change on the gateway is recorded (and audited) only once the gateway has made it.
 */

const agentArgs = { agentId: v.id("agents") };
const actorArgs = { ...agentArgs, actorExternalId: v.string() };

async function auditAgent(db: DatabaseWriter, orgId: Id<"organizations">, args: { agentId: Id<"agents">; actorExternalId: string }, action: string) {
  await recordAudit(db, { orgId, actorUserId: await actorUserIdOf(db, args.actorExternalId), action, target: `agent:${args.agentId}` });
}

type AdminCtx = Pick<ActionCtx, "runQuery" | "runMutation"> & { org: { _id: Id<"organizations"> }; viewerExternalId: string };

/**
 * The skeleton every gateway action shares: find the org's agent (NOT_FOUND for any other), make the
 * call, record its outcome. Any failure on the way is undone by `rollback` (when given) and reported
 * with the app's error codes.
 */
async function onGateway<T>(
  ctx: AdminCtx,
  agentId: Id<"agents">,
  call: (gateway: EvolutionClient, instanceName: string) => Promise<T>,
  handlers: { record: (result: T) => Promise<unknown>; rollback?: () => Promise<unknown> },
): Promise<T> {
  let result: T;
  try {
    const { instanceName } = await ctx.runQuery(internal.agentGateway.instanceOf, { orgId: ctx.org._id, agentId });
    result = await call(gatewayFromEnv(), instanceName);
  } catch (error) {
    await handlers.rollback?.();
    failFromGateway(error);
  }
  await handlers.record(result);
  return result;
}

/**
 * Reserves the row, then creates the gateway instance; any failure removes the row again. The
 * secret is returned here (and by rotateSecret) only: no query ever exposes it.
 */
export const create = orgAction({
  role: "admin",
  args: {
    name: v.string(),
    persona: v.optional(v.string()),
    product: v.optional(v.string()),
    // The language of the UI creating the agent: the bot's defaults speak it.
    uiLanguage: v.optional(literals(...SPIN_LANGUAGES)),
  },
  returns: v.object({ agentId: v.id("agents"), instanceName: v.string(), webhookSecret: v.string() }),
  handler: async (ctx, { uiLanguage, ...input }): Promise<{ agentId: Id<"agents">; instanceName: string; webhookSecret: string }> => {
    // A fixed org language speaks through the new bot's defaults too; "auto" follows the UI.
    const orgLanguage = ctx.org.defaultBotLanguage ?? "auto";
    const profile = agentProfileX(input, orgLanguage === "auto" ? uiLanguage : orgLanguage);
    const gateway = gatewayFromEnv();
    const webhookSecret = newWebhookSecret();
    const webhook = webhookTargetFor(webhookSecret);
    const orgId = ctx.org._id;
    const { agentId, instanceName } = await ctx.runMutation(internal.agentGateway.reserve, {
      orgId,
      ...profile,
      webhookSecret,
      actorExternalId: ctx.viewerExternalId,
    });
    let created = false;
    try {
      const { qr } = await gateway.createInstance({ instanceName, webhook });
      created = true;
      const qrCode = qr?.base64 ?? null;
      await ctx.runMutation(internal.agentGateway.markCreated, { orgId, agentId, actorExternalId: ctx.viewerExternalId, qrCode });
    } catch (error) {
      // Best effort: an instance we could not record must not linger on the gateway either.
      if (created) await gateway.deleteInstance(instanceName).catch(() => undefined);
      await ctx.runMutation(internal.agentGateway.discardReservation, { orgId, agentId });
      failFromGateway(error);
    }
    return { agentId, instanceName, webhookSecret };
  },
});

/**
 * Global on purpose: the instance name must be unused by every org's agents (the gateway's names
 * are one namespace), which only a lookup across orgs can tell; the row is inserted in the same
 * transaction, so no one else can take the name. The org is checked by hand for that reason.
 */
export const reserve = internalMutation({
  args: {
    orgId: v.id("organizations"),
    name: v.string(),
    persona: v.string(),
    product: v.string(),
    knowledge: agentKnowledgeValidator,
    webhookSecret: v.string(),
    // Who creates it: their bucket and the org's are charged (model/rateLimits.ts).
    actorExternalId: v.string(),
  },
  returns: v.object({ agentId: v.id("agents"), instanceName: v.string() }),
  handler: async (ctx, { actorExternalId, ...args }) => {
    const org = await ctx.db.get("organizations", args.orgId);
    if (org === null || org.deletedAt !== undefined) fail("ORG_NOT_FOUND", "This organization does not exist.");
    await withinOrgLimitsX(ctx.db, AGENT_CREATIONS, args.orgId, actorExternalId);
    await withinAgentCapX(ctx.db, args.orgId);
    const instanceName = await unusedInstanceName(ctx.db);
    const language = org.defaultBotLanguage ?? "auto";
    const agentId = await ctx.db.insert("agents", { ...args, instanceName, status: "created", aiEnabled: true, language });
    return { agentId, instanceName };
  },
});

/** Undoes `reserve` when the gateway refused the instance: no half-created agent stays behind. */
export const discardReservation = internalOrgMutation({
  args: agentArgs,
  returns: v.null(),
  handler: async (ctx, { agentId }) => {
    if ((await ctx.db.get("agents", agentId)) !== null) await ctx.db.delete("agents", agentId);
    return null;
  },
});

/** Step 2 of create, once the gateway has the instance. */
export const markCreated = internalOrgMutation({
  args: { ...actorArgs, qrCode: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.agentId);
    // A webhook may have arrived first with a newer QR or state: it wins.
    if (agent.status === "created") {
      const qr = args.qrCode === null ? {} : { qrCode: args.qrCode, qrUpdatedAt: Date.now() };
      await ctx.db.patch("agents", agent._id, { status: "connecting", ...qr });
    }
    await auditAgent(ctx.db, ctx.org._id, args, "agent.created");
    return null;
  },
});

/** What an action needs to address the agent's instance on the gateway. */
export const instanceOf = internalOrgQuery({
  args: agentArgs,
  returns: v.object({ instanceName: v.string() }),
  handler: async (ctx, { agentId }) => ({ instanceName: (await liveAgentX(ctx.db, agentId)).instanceName }),
});

const pairingValidator = v.object({
  qrCode: v.union(v.string(), v.null()),
  state: literals(...CONNECTION_STATES),
});

/** Asks the gateway for the current QR; an instance that is no longer pairing just reports its state. */
export const refreshQr = orgAction({
  role: "admin",
  args: agentArgs,
  returns: v.null(),
  handler: async (ctx, { agentId }): Promise<null> => {
    const orgId = ctx.org._id;
    await ctx.runMutation(internal.agentGateway.claimQrRefresh, { orgId, agentId, actorExternalId: ctx.viewerExternalId });
    await onGateway(
      ctx,
      agentId,
      async (gateway, instanceName) => {
        const { qr } = await gateway.connect(instanceName);
        if (qr !== null) return { qrCode: qr.base64, state: "connecting" as const };
        return { qrCode: null, state: await gateway.connectionState(instanceName) };
      },
      { record: (pairing) => ctx.runMutation(internal.agentGateway.storePairing, { orgId, agentId, actorExternalId: ctx.viewerExternalId, pairing }) },
    );
    return null;
  },
});

/** Before refreshQr asks the gateway: a live agent of the org, within the QR refresh limits. */
export const claimQrRefresh = internalOrgMutation({
  args: actorArgs,
  returns: v.null(),
  handler: async (ctx, { agentId, actorExternalId }) => {
    await liveAgentX(ctx.db, agentId);
    await withinOrgLimitsX(ctx.db, QR_REFRESHES, ctx.org._id, actorExternalId);
    return null;
  },
});

/** After refreshQr: a fresh QR means pairing; no QR means the gateway's own state stands. */
export const storePairing = internalOrgMutation({
  args: { ...actorArgs, pairing: pairingValidator },
  returns: v.null(),
  handler: async (ctx, { pairing, ...args }) => {
    const agent = await liveAgentX(ctx.db, args.agentId);
    const patch =
      pairing.qrCode !== null
        ? { status: "connecting" as const, qrCode: pairing.qrCode, qrUpdatedAt: Date.now() }
        : { status: pairing.state, qrCode: undefined, qrUpdatedAt: undefined };
    await ctx.db.patch("agents", agent._id, patch);
    await auditAgent(ctx.db, ctx.org._id, args, "agent.qr_refreshed");
    return null;
  },
});

export const disconnect = orgAction({
  role: "admin",
  args: agentArgs,
  returns: v.null(),
  handler: async (ctx, { agentId }): Promise<null> => {
    const actor = { orgId: ctx.org._id, agentId, actorExternalId: ctx.viewerExternalId };
    // The client treats an instance that is already logged out as success.
    await onGateway(ctx, agentId, (gateway, instanceName) => gateway.logout(instanceName), {
      record: () => ctx.runMutation(internal.agentGateway.markUnlinked, { ...actor, deleted: false }),
    });
    return null;
  },
});

/** Logs out and deletes the gateway instance and hides the agent; its conversations stay readable. A second call is NOT_FOUND. */
export const remove = orgAction({
  role: "admin",
  args: agentArgs,
  returns: v.null(),
  handler: async (ctx, { agentId }): Promise<null> => {
    const actor = { orgId: ctx.org._id, agentId, actorExternalId: ctx.viewerExternalId };
    await onGateway(ctx, agentId, retireInstance, {
      record: () => ctx.runMutation(internal.agentGateway.markUnlinked, { ...actor, deleted: true }),
    });
    return null;
  },
});

/**
 * Logged out, or deleted (soft: sessions and messages keep pointing at the row, so conversations stay
 * readable; the unresolved ones are resolved so no lead waits on a number that is gone).
 */
export const markUnlinked = internalOrgMutation({
  args: { ...actorArgs, deleted: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { deleted, ...args }) => {
    const agent = await liveAgentX(ctx.db, args.agentId);
    const unlinked = { status: "close", qrCode: undefined, qrUpdatedAt: undefined, phoneNumber: undefined } as const;
    await ctx.db.patch("agents", agent._id, deleted ? { ...unlinked, deletedAt: Date.now() } : unlinked);
    await auditAgent(ctx.db, ctx.org._id, args, deleted ? "agent.deleted" : "agent.disconnected");
    if (deleted) await resolveConversationsOfRemovedAgent(ctx, agent, await actorUserIdOf(ctx.db, args.actorExternalId));
    return null;
  },
});

/** How long deliveries signed with the previous secret are still accepted after a rotation. */
export const SECRET_GRACE_MS = 10 * 60 * 1000;

/**
 * The new secret is stored first, with the old one still accepted for a grace period, and only then
 * handed to the gateway: no delivery is refused in between, whichever key signed it. If the gateway
 * refuses, the old secret is restored and stays in force everywhere.
 */
export const rotateSecret = orgAction({
  role: "admin",
  args: agentArgs,
  returns: v.object({ webhookSecret: v.string() }),
  handler: async (ctx, { agentId }): Promise<{ webhookSecret: string }> => {
    const orgId = ctx.org._id;
    const webhookSecret = newWebhookSecret();
    const { previousSecret } = await ctx.runMutation(internal.agentGateway.beginSecretRotation, { orgId, agentId, webhookSecret });
    await onGateway(ctx, agentId, (gateway, instanceName) => gateway.setWebhook(instanceName, webhookTargetFor(webhookSecret)), {
      record: () => ctx.runMutation(internal.agentGateway.confirmSecretRotation, { orgId, agentId, actorExternalId: ctx.viewerExternalId }),
      rollback: () => ctx.runMutation(internal.agentGateway.revertSecretRotation, { orgId, agentId, previousSecret, rotatedTo: webhookSecret }),
    });
    return { webhookSecret };
  },
});

export const beginSecretRotation = internalOrgMutation({
  args: { ...agentArgs, webhookSecret: v.string() },
  returns: v.object({ previousSecret: v.string() }),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.agentId);
    await ctx.db.patch("agents", agent._id, {
      webhookSecret: args.webhookSecret,
      previousWebhookSecret: agent.webhookSecret,
      previousSecretValidUntil: Date.now() + SECRET_GRACE_MS,
    });
    return { previousSecret: agent.webhookSecret };
  },
});

/**
 * The gateway refused the new secret: the old one is the only one again. Only while the secret is
 * still the one this rotation set: a concurrent rotation that has since won must not be undone.
 */
export const revertSecretRotation = internalOrgMutation({
  args: { ...agentArgs, previousSecret: v.string(), rotatedTo: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const agent = await liveAgentX(ctx.db, args.agentId);
    if (agent.webhookSecret !== args.rotatedTo) return null;
    await ctx.db.patch("agents", agent._id, { webhookSecret: args.previousSecret, previousWebhookSecret: undefined, previousSecretValidUntil: undefined });
    return null;
  },
});

export const confirmSecretRotation = internalOrgMutation({
  args: actorArgs,
  returns: v.null(),
  handler: async (ctx, args) => {
    await liveAgentX(ctx.db, args.agentId);
    await auditAgent(ctx.db, ctx.org._id, args, "agent.secret_rotated");
    return null;
  },
});

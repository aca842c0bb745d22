import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { ActionCtx } from "./_generated/server";
import { fail } from "./lib/errors";
import { orgAction, orgMutation, orgQuery } from "./lib/functions";
import { agentProfileX, agentViewValidator, botProfileX, liveAgentX, newWebhookSecret, toAgentView, type AgentView } from "./model/agents";
import { recordAudit } from "./model/audit";
import { botLanguageValidator } from "./schema";
import { failFromGateway, gatewayFromEnv, webhookTargetFor } from "./model/gateway";

const MAX_AGENTS_LISTED = 200;

/** The org's agents, newest first; deleted ones are left out. */
export const list = orgQuery({
  args: {},
  returns: v.array(agentViewValidator),
  handler: async (ctx) => {
    const views: AgentView[] = [];
    const newestFirst = ctx.db
      .query("agents")
      .withIndex("by_org", (q) => q.eq("orgId", ctx.org._id))
      .order("desc");
    for await (const agent of newestFirst) {
      if (agent.deletedAt === undefined) views.push(toAgentView(agent));
      if (views.length === MAX_AGENTS_LISTED) break;
    }
    return views;
  },
});

export const get = orgQuery({
  args: { agentId: v.id("agents") },
  returns: agentViewValidator,
  handler: async (ctx, { agentId }) => {
    // Row-level security answers null for another org's agent: it is as absent as a missing one.
    const agent = await ctx.db.get("agents", agentId);
    if (agent === null || agent.deletedAt !== undefined) fail("NOT_FOUND", "This agent does not exist.");
    return toAgentView(agent);
  },
});

/** The org's agent's instance name (NOT_FOUND for any other) and the configured gateway client. */
async function instanceAndGateway(ctx: Pick<ActionCtx, "runQuery"> & { org: Doc<"organizations"> }, agentId: Id<"agents">) {
  const { instanceName } = await ctx.runQuery(internal.agentsInternal.instanceOf, { orgId: ctx.org._id, agentId });
  return { instanceName, gateway: gatewayFromEnv() };
}

/** Runs a gateway call, turning its failures into the app's error codes. */
async function viaGateway<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    failFromGateway(error);
  }
}

/**
 * Reserves the row, then creates the gateway instance; any failure removes the row again. The
 * secret is returned here (and by rotateSecret) only: no query ever exposes it.
 */
export const create = orgAction({
  role: "admin",
  args: { name: v.string(), persona: v.optional(v.string()), product: v.optional(v.string()) },
  returns: v.object({ agentId: v.id("agents"), instanceName: v.string(), webhookSecret: v.string() }),
  handler: async (ctx, input): Promise<{ agentId: Id<"agents">; instanceName: string; webhookSecret: string }> => {
    const profile = agentProfileX(input);
    const gateway = gatewayFromEnv();
    const webhookSecret = newWebhookSecret();
    const webhook = webhookTargetFor(webhookSecret);
    const orgId = ctx.org._id;
    const { agentId, instanceName } = await ctx.runMutation(internal.agentsInternal.reserve, {
      orgId,
      ...profile,
      webhookSecret,
    });
    let onGateway = false;
    try {
      const { qr } = await gateway.createInstance({ instanceName, webhook });
      onGateway = true;
      await ctx.runMutation(internal.agentsInternal.markCreated, {
        orgId,
        agentId,
        actorExternalId: ctx.viewerExternalId,
        qrCode: qr?.base64 ?? null,
      });
    } catch (error) {
      // Best effort: an instance we could not record must not linger on the gateway either.
      if (onGateway) await gateway.deleteInstance(instanceName).catch(() => undefined);
      await ctx.runMutation(internal.agentsInternal.discardReservation, { orgId, agentId });
      failFromGateway(error);
    }
    return { agentId, instanceName, webhookSecret };
  },
});

/** Asks the gateway for the current QR; an instance that is no longer pairing just reports its state. */
export const refreshQr = orgAction({
  role: "admin",
  args: { agentId: v.id("agents") },
  returns: v.null(),
  handler: async (ctx, { agentId }): Promise<null> => {
    const orgId = ctx.org._id;
    const { instanceName, gateway } = await instanceAndGateway(ctx, agentId);
    const pairing = await viaGateway(async () => {
      const { qr } = await gateway.connect(instanceName);
      if (qr !== null) return { qrCode: qr.base64, state: "connecting" as const };
      return { qrCode: null, state: await gateway.connectionState(instanceName) };
    });
    await ctx.runMutation(internal.agentsInternal.storePairing, {
      orgId,
      agentId,
      actorExternalId: ctx.viewerExternalId,
      ...pairing,
    });
    return null;
  },
});

export const disconnect = orgAction({
  role: "admin",
  args: { agentId: v.id("agents") },
  returns: v.null(),
  handler: async (ctx, { agentId }): Promise<null> => {
    const orgId = ctx.org._id;
    const { instanceName, gateway } = await instanceAndGateway(ctx, agentId);
    // The client treats an instance that is already logged out as success.
    await viaGateway(() => gateway.logout(instanceName));
    await ctx.runMutation(internal.agentsInternal.markDisconnected, { orgId, agentId, actorExternalId: ctx.viewerExternalId });
    return null;
  },
});

/** Deletes the gateway instance and hides the agent; its conversations stay readable. A second call is NOT_FOUND. */
export const remove = orgAction({
  role: "admin",
  args: { agentId: v.id("agents") },
  returns: v.null(),
  handler: async (ctx, { agentId }): Promise<null> => {
    const orgId = ctx.org._id;
    const { instanceName, gateway } = await instanceAndGateway(ctx, agentId);
    await viaGateway(() => gateway.deleteInstance(instanceName));
    await ctx.runMutation(internal.agentsInternal.markDeleted, { orgId, agentId, actorExternalId: ctx.viewerExternalId });
    return null;
  },
});

/**
 * The new secret is stored first, with the old one still accepted for a grace period, and only then
 * handed to the gateway: no delivery is refused in between, whichever key signed it. If the gateway
 * refuses, the old secret is restored and stays in force everywhere.
 */
export const rotateSecret = orgAction({
  role: "admin",
  args: { agentId: v.id("agents") },
  returns: v.object({ webhookSecret: v.string() }),
  handler: async (ctx, { agentId }): Promise<{ webhookSecret: string }> => {
    const orgId = ctx.org._id;
    const { instanceName, gateway } = await instanceAndGateway(ctx, agentId);
    const webhookSecret = newWebhookSecret();
    const { previousSecret } = await ctx.runMutation(internal.agentsInternal.beginSecretRotation, { orgId, agentId, webhookSecret });
    try {
      await gateway.setWebhook(instanceName, webhookTargetFor(webhookSecret));
    } catch (error) {
      await ctx.runMutation(internal.agentsInternal.revertSecretRotation, { orgId, agentId, previousSecret });
      failFromGateway(error);
    }
    await ctx.runMutation(internal.agentsInternal.confirmSecretRotation, { orgId, agentId, actorExternalId: ctx.viewerExternalId });
    return { webhookSecret };
  },
});

/** The bot's settings for one agent: AI on/off, persona, product and the language it answers in. */
export const updateBot = orgMutation({
  role: "admin",
  args: {
    agentId: v.id("agents"),
    aiEnabled: v.boolean(),
    persona: v.string(),
    product: v.string(),
    language: botLanguageValidator,
  },
  returns: v.null(),
  handler: async (ctx, { agentId, ...settings }) => {
    const agent = await liveAgentX(ctx.db, ctx.org._id, agentId);
    const profile = botProfileX(settings);
    await ctx.db.patch("agents", agent._id, { ...profile, aiEnabled: settings.aiEnabled, language: settings.language });
    await recordAudit(ctx.db, {
      orgId: ctx.org._id,
      actorUserId: ctx.viewer.userId,
      action: "agent.bot_updated",
      target: `agent:${agent._id}`,
    });
    return null;
  },
});

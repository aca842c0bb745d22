import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { GatewayError } from "../lib/whatsapp/types";
import { internal } from "./_generated/api";
import { fail } from "./lib/errors";
import { internalAction, internalMutation, internalOrgMutation } from "./lib/functions";
import { maxAgentsPerOrg } from "./model/agents";
import { recordAudit } from "./model/audit";
import { gatewayFromEnv } from "./model/gateway";

/**
 * The health check (DESIGN "WhatsApp gateway"): every few minutes the gateway is asked how each
 * connected number is. A number it reports closed, or whose instance it no longer knows, is marked
 * disconnected at once, so the team sees "reconnect it" instead of replies that fail.
 */

/** Organizations looked at per sweep transaction (each has at most `maxAgentsPerOrg()` live agents). */
export const SWEEP_PAGE = 25;

const FINDINGS = ["open", "connecting", "closed", "unknown_instance", "unreachable"] as const;
type Finding = (typeof FINDINGS)[number];

/**
 * Global on purpose: the cron looks at every organization's connected agents, one bounded page of
 * organizations per transaction (their live agents through `by_org_and_deletedAt`, capped per org),
 * and hands each agent to its own scheduled check, so one slow gateway answer holds up no other.
 */
export const sweep = internalMutation({
  args: { cursor: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { cursor }) => {
    const page = await ctx.db.query("organizations").paginate({ numItems: SWEEP_PAGE, cursor });
    for (const org of page.page) {
      if (org.deletedAt !== undefined) continue;
      const live = await ctx.db
        .query("agents")
        .withIndex("by_org_and_deletedAt", (q) => q.eq("orgId", org._id).eq("deletedAt", undefined))
        .take(maxAgentsPerOrg());
      for (const agent of live) {
        if (agent.status !== "open") continue;
        await ctx.scheduler.runAfter(0, internal.agentHealth.check, { orgId: org._id, agentId: agent._id, instanceName: agent.instanceName });
      }
    }
    if (!page.isDone) await ctx.scheduler.runAfter(0, internal.agentHealth.sweep, { cursor: page.continueCursor });
    return null;
  },
});

/** What the gateway says of one instance, in the health check's words. */
async function askGateway(instanceName: string): Promise<Finding> {
  try {
    const state = await gatewayFromEnv().connectionState(instanceName);
    return state === "close" ? "closed" : state;
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    return error.kind === "not_found" ? "unknown_instance" : "unreachable";
  }
}

export const check = internalAction({
  args: { orgId: v.id("organizations"), agentId: v.id("agents"), instanceName: v.string() },
  returns: v.null(),
  handler: async (ctx, { orgId, agentId, instanceName }) => {
    const finding = await askGateway(instanceName);
    await ctx.runMutation(internal.agentHealth.record, { orgId, agentId, finding });
    return null;
  },
});

/**
 * Closed or unknown: the agent is marked "close" at once (audited, no actor: the system found it).
 * Unreachable says nothing of the phone, so the status stays; "connecting" is Baileys reconnecting.
 */
export const record = internalOrgMutation({
  args: { agentId: v.id("agents"), finding: literals(...FINDINGS) },
  returns: v.null(),
  handler: async (ctx, { agentId, finding }) => {
    const agent = await ctx.db.get("agents", agentId);
    if (agent === null) fail("NOT_FOUND", "This agent does not exist.");
    if (agent.deletedAt !== undefined) return null;
    const checked = { healthCheckedAt: Date.now() };
    if (finding === "open" || finding === "connecting") {
      await ctx.db.patch("agents", agent._id, { ...checked, lastHealthError: undefined });
      return null;
    }
    if (finding === "unreachable" || agent.status !== "open") {
      await ctx.db.patch("agents", agent._id, { ...checked, lastHealthError: finding });
      return null;
    }
    await ctx.db.patch("agents", agent._id, { ...checked, lastHealthError: finding, status: "close", qrCode: undefined, qrUpdatedAt: undefined });
    await recordAudit(ctx.db, { orgId: ctx.org._id, action: `agent.health_${finding}`, target: `agent:${agent._id}` });
    return null;
  },
});

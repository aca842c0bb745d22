import { v } from "convex/values";
import { orgMutation, orgQuery } from "../../convex/lib/functions";

/**
 * Handlers that "forget" their org filter, built with the real org builders. Loaded into convex-test
 * as an extra module (never deployed) to prove row-level security holds without the handler's help.
 */
export const readAgentById = orgQuery({
  args: { agentId: v.id("agents") },
  handler: async (ctx, { agentId }) => ctx.db.get("agents", agentId),
});

export const listAllAgents = orgQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("agents").take(100)).map((agent) => agent.orgId),
});

export const readOrganizationById = orgQuery({
  args: { id: v.id("organizations") },
  handler: async (ctx, { id }) => ctx.db.get("organizations", id),
});

export const readUserById = orgQuery({
  args: { id: v.id("users") },
  handler: async (ctx, { id }) => ctx.db.get("users", id),
});

export const listWebhookDeliveries = orgQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("webhookDeliveries").take(10)).length,
});

export const renameAgent = orgMutation({
  args: { agentId: v.id("agents"), name: v.string() },
  handler: async (ctx, { agentId, name }) => ctx.db.patch("agents", agentId, { name }),
});

export const deleteAgent = orgMutation({
  args: { agentId: v.id("agents") },
  handler: async (ctx, { agentId }) => ctx.db.delete("agents", agentId),
});

export const insertAuditEntryFor = orgMutation({
  args: { targetOrg: v.id("organizations") },
  handler: async (ctx, { targetOrg }) =>
    ctx.db.insert("auditLog", { orgId: targetOrg, action: "probe", target: "probe", at: 0 }),
});

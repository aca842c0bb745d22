import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { internalOrgMutation, orgMutation, orgQuery } from "./lib/functions";
import { liveAgentX } from "./model/agents";
import { recordAudit } from "./model/audit";
import { liveMembership, MAX_ROUND_ROBIN_MEMBERS, routeWaitingSession } from "./model/routing";

/**
 * Where an agent's conversations go when they start waiting for a person (model/routing.ts), and
 * each member's own "available for new conversations" switch.
 */

const routingValidator = v.object({
  defaultAssigneeId: v.union(v.id("users"), v.null()),
  // null: no round-robin; otherwise the members taking turns, in order.
  roundRobinMemberIds: v.union(v.array(v.id("users")), v.null()),
});

async function requireMembers(db: DatabaseReader, orgId: Id<"organizations">, userIds: Id<"users">[]) {
  for (const userId of userIds) {
    if ((await liveMembership(db, orgId, userId)) === null) fail("INVALID_ARGUMENT", "Only members of this organization can receive conversations.");
  }
}

export const agentRouting = orgQuery({
  role: "admin",
  args: { agentId: v.id("agents") },
  returns: routingValidator,
  handler: async (ctx, { agentId }) => {
    const agent = await liveAgentX(ctx.db, agentId);
    return { defaultAssigneeId: agent.defaultAssigneeId ?? null, roundRobinMemberIds: agent.autoAssign?.memberIds ?? null };
  },
});

/** Admins only: the default owner of the agent's handoffs, else a round-robin among chosen members. */
export const setAgentRouting = orgMutation({
  role: "admin",
  args: { agentId: v.id("agents"), ...routingValidator.fields },
  returns: v.null(),
  handler: async (ctx, { agentId, defaultAssigneeId, roundRobinMemberIds }) => {
    const agent = await liveAgentX(ctx.db, agentId);
    const memberIds = roundRobinMemberIds === null ? null : [...new Set(roundRobinMemberIds)];
    if (memberIds !== null && memberIds.length > MAX_ROUND_ROBIN_MEMBERS) {
      fail("INVALID_ARGUMENT", `A round-robin holds at most ${MAX_ROUND_ROBIN_MEMBERS} members.`);
    }
    await requireMembers(ctx.db, ctx.org._id, [...(defaultAssigneeId === null ? [] : [defaultAssigneeId]), ...(memberIds ?? [])]);
    // The same members keep their place in the rotation; a new list starts at its first member.
    const sameMembers = JSON.stringify(agent.autoAssign?.memberIds) === JSON.stringify(memberIds);
    await ctx.db.patch("agents", agent._id, {
      defaultAssigneeId: defaultAssigneeId ?? undefined,
      autoAssign: memberIds === null ? undefined : { memberIds, cursor: sameMembers ? (agent.autoAssign?.cursor ?? 0) : 0 },
    });
    await recordAudit(ctx.db, {
      orgId: ctx.org._id,
      actorUserId: ctx.viewer.userId,
      action: "agent.routing_updated",
      target: `agent:${agent._id}`,
    });
    return null;
  },
});

async function myMembershipX(ctx: { db: DatabaseReader; org: { _id: Id<"organizations"> }; viewer: { userId: Id<"users"> | null } }) {
  const membership = ctx.viewer.userId === null ? null : await liveMembership(ctx.db, ctx.org._id, ctx.viewer.userId);
  if (membership === null) fail("NOT_FOUND", "Your membership is still being set up. Try again in a moment.");
  return membership;
}

/** Whether round-robin routing gives me new conversations. */
export const myAvailability = orgQuery({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => {
    // Not provisioned yet (the auth webhook is late): available, as every member starts.
    const membership = ctx.viewer.userId === null ? null : await liveMembership(ctx.db, ctx.org._id, ctx.viewer.userId);
    return membership?.available !== false;
  },
});

export const setMyAvailability = orgMutation({
  args: { available: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { available }) => {
    const membership = await myMembershipX(ctx);
    if ((membership.available !== false) !== available) await ctx.db.patch("memberships", membership._id, { available });
    return null;
  },
});

/** Scheduled by the sessions trigger when a conversation starts waiting unowned; a no-op if someone took it meanwhile. */
export const routeWaiting = internalOrgMutation({
  args: { sessionId: v.id("sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null || session.waitingSince === undefined || session.assigneeId !== undefined) return null;
    await routeWaitingSession(ctx.db, session);
    return null;
  },
});

import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseWriter, MutationCtx } from "./_generated/server";
import { fail } from "./lib/errors";
import { internalOrgMutation } from "./lib/functions";
import { resolveBatchOfRemovedAgent } from "./model/agentRemoval";

/**
 * A removed WhatsApp number strands no lead: its open, pending and snoozed conversations are resolved
 * (one batch in the removing transaction, the rest scheduled), stay readable, and the thread says why.
 */
export async function resolveConversationsOfRemovedAgent(
  ctx: { db: DatabaseWriter; scheduler: MutationCtx["scheduler"] },
  agent: Pick<Doc<"agents">, "_id" | "orgId">,
  actorUserId: Id<"users"> | null,
): Promise<void> {
  const { more } = await resolveBatchOfRemovedAgent(ctx.db, agent, actorUserId);
  if (more) {
    await ctx.scheduler.runAfter(0, internal.agentRemoval.resolveNextBatch, { orgId: agent.orgId, agentId: agent._id, actorUserId });
  }
}

/** The scheduled continuation: only ever for an agent that is removed (a live one keeps its conversations). */
export const resolveNextBatch = internalOrgMutation({
  args: { agentId: v.id("agents"), actorUserId: v.union(v.id("users"), v.null()) },
  returns: v.null(),
  handler: async (ctx, { agentId, actorUserId }) => {
    const agent = await ctx.db.get("agents", agentId);
    if (agent === null) fail("NOT_FOUND", "This agent does not exist.");
    if (agent.deletedAt === undefined) return null;
    await resolveConversationsOfRemovedAgent(ctx, agent, actorUserId);
    return null;
  },
});

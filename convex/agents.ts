import { v } from "convex/values";
import { fail } from "./lib/errors";
import { orgMutation, orgQuery } from "./lib/functions";
import { agentViewValidator, botProfileX, liveAgentX, toAgentView, type AgentView } from "./model/agents";
import { recordAudit } from "./model/audit";
import { agentKnowledgeValidator, botLanguageValidator } from "./schema";

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

/** The bot's settings for one agent: AI on/off, what it knows (persona, product, price, hours, FAQ), its language, voice notes. */
export const updateBot = orgMutation({
  role: "admin",
  args: {
    agentId: v.id("agents"),
    aiEnabled: v.boolean(),
    persona: v.string(),
    product: v.string(),
    knowledge: v.optional(agentKnowledgeValidator),
    language: botLanguageValidator,
    // Absent from older clients: the stored setting stays.
    voiceNoteHandoff: v.optional(v.boolean()),
  },
  returns: v.null(),
  handler: async (ctx, { agentId, aiEnabled, language, voiceNoteHandoff, ...profile }) => {
    const agent = await liveAgentX(ctx.db, agentId);
    // Without new knowledge the stored one stays: older clients edit persona and product only.
    const knowledge = profile.knowledge ?? agent.knowledge;
    const stored = botProfileX({ ...profile, knowledge }, language === "en" ? "en" : "pt");
    await ctx.db.patch("agents", agent._id, { ...stored, aiEnabled, language, ...(voiceNoteHandoff === undefined ? {} : { voiceNoteHandoff }) });
    await recordAudit(ctx.db, {
      orgId: ctx.org._id,
      actorUserId: ctx.viewer.userId,
      action: "agent.bot_updated",
      target: `agent:${agent._id}`,
    });
    return null;
  },
});

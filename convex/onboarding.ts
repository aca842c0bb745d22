import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { orgMutation, orgQuery } from "./lib/functions";
import { agentViewValidator, toAgentView } from "./model/agents";
import { recordAudit } from "./model/audit";
import {
  botIsSetUp,
  FINISHED_AUDIT_ACTION,
  latestExchange,
  onboardingAgent,
  recordStep,
  skippedAuditAction,
  stepStates,
  storedOnboarding,
} from "./model/onboarding";
import { onboardingStepValidator } from "./schema";

// Enough to tell "more than one person" apart from "only the owner", counting removed rows too.
const MEMBERSHIPS_READ = 10;

/**
 * The first-run checklist of the organization, live: which steps are done (from real data: a
 * connected number, a bot that knows the price, a customer message, a teammate), which were
 * skipped, the agent it is about and the test conversation's latest exchange.
 */
export const status = orgQuery({
  args: {},
  returns: v.object({
    steps: v.array(v.object({ step: onboardingStepValidator, state: literals("done", "skipped", "todo") })),
    finished: v.boolean(),
    // Hidden on purpose (or latched once every step was done), not merely settled right now.
    hidden: v.boolean(),
    agent: v.union(agentViewValidator, v.null()),
    test: v.union(v.object({ customerText: v.union(v.string(), v.null()), botReply: v.union(v.string(), v.null()) }), v.null()),
  }),
  handler: async (ctx) => {
    const orgId = ctx.org._id;
    const agent = await onboardingAgent(ctx.db, orgId);
    const exchange = agent === null ? null : await latestExchange(ctx.db, orgId, agent._id);
    const memberships = await ctx.db
      .query("memberships")
      .withIndex("by_org_and_user", (q) => q.eq("orgId", orgId))
      .take(MEMBERSHIPS_READ);
    const stored = storedOnboarding(ctx.org);
    const steps = stepStates(stored, {
      connected: agent?.status === "open",
      botSet: agent !== null && botIsSetUp(agent),
      messageReceived: exchange?.customerText != null,
      teamInvited: memberships.filter((m) => m.deletedAt === undefined).length > 1,
    });
    const allSettled = steps.every((step) => step.state !== "todo");
    return {
      steps,
      finished: stored.finishedAt !== undefined || allSettled,
      hidden: stored.finishedAt !== undefined,
      agent: agent === null ? null : toAgentView(agent),
      test: exchange === null ? null : { customerText: exchange.customerText, botReply: exchange.botReply },
    };
  },
});

/** "Later" on one step: kept per organization until the step is done for real. */
export const skipStep = orgMutation({
  role: "admin",
  args: { step: onboardingStepValidator },
  returns: v.null(),
  handler: async (ctx, { step }) => {
    if (await recordStep(ctx.db, ctx.org, step, "skipped")) {
      await recordAudit(ctx.db, {
        orgId: ctx.org._id,
        actorUserId: ctx.viewer.userId,
        action: skippedAuditAction(step),
        target: `organization:${ctx.org.externalId}`,
      });
    }
    return null;
  },
});

/**
 * Hides the checklist (and the overview's link to it) for everyone in the organization. The page
 * also calls it once every step is done, so the audited actor is whoever had the page open then.
 */
export const finish = orgMutation({
  role: "admin",
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    if (ctx.org.onboarding?.finishedAt !== undefined) return null;
    await ctx.db.patch("organizations", ctx.org._id, { onboarding: { ...storedOnboarding(ctx.org), finishedAt: Date.now() } });
    await recordAudit(ctx.db, {
      orgId: ctx.org._id,
      actorUserId: ctx.viewer.userId,
      action: FINISHED_AUDIT_ACTION,
      target: `organization:${ctx.org.externalId}`,
    });
    return null;
  },
});

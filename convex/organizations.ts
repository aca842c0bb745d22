import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { startRollupRebuild } from "./rollups";
import { sameHours } from "../lib/business-hours";
import { organizationName } from "../lib/auth/organization";
import { ORG_NAME_MAX_LENGTH } from "../lib/auth/local/model";
import { canonicalTimeZone } from "../lib/time/timezone";
import { fail } from "./lib/errors";
import { clampPage } from "./lib/pagination";
import { orgMutation, orgQuery } from "./lib/functions";
import { auditTargetValidator, describeAuditTarget } from "./model/auditTargets";
import { recordAudit } from "./model/audit";
import { recordStep } from "./model/onboarding";
import { businessHoursX } from "./model/orgProfile";
import { INVITES, withinOrgLimitsX } from "./model/rateLimits";
import { botLanguageValidator, openingIntervalValidator, roleValidator } from "./schema";

/** The organization of the URL, as the viewer may see it. */
export const current = orgQuery({
  args: {},
  returns: v.object({
    externalId: v.string(),
    name: v.string(),
    slug: v.string(),
    timezone: v.string(),
    role: roleValidator,
    // Null until someone sets them: then nothing is ever "outside business hours".
    businessHours: v.union(v.array(openingIntervalValidator), v.null()),
    defaultBotLanguage: botLanguageValidator,
  }),
  handler: async (ctx) => ({
    externalId: ctx.org.externalId,
    name: ctx.org.name,
    slug: ctx.org.slug,
    timezone: ctx.org.timezone,
    role: ctx.role,
    businessHours: ctx.org.businessHours ?? null,
    defaultBotLanguage: ctx.org.defaultBotLanguage ?? "auto",
  }),
});

/**
 * The week's opening hours, in the org's time zone (the bot's "we are closed" answer and the
 * dashboard read them). An empty week clears them: no day open is the same as no hours set.
 */
export const setBusinessHours = orgMutation({
  role: "admin",
  args: { hours: v.array(openingIntervalValidator) },
  returns: v.object({ hours: v.union(v.array(openingIntervalValidator), v.null()) }),
  handler: async (ctx, { hours }) => {
    const stored = businessHoursX(hours);
    if (!sameHours(stored, ctx.org.businessHours)) {
      await ctx.db.patch("organizations", ctx.org._id, { businessHours: stored });
      await recordAudit(ctx.db, {
        orgId: ctx.org._id,
        actorUserId: ctx.viewer.userId,
        action: stored === undefined ? "organization.business_hours_cleared" : "organization.business_hours_changed",
        target: `organization:${ctx.org.externalId}`,
      });
    }
    return { hours: stored ?? null };
  },
});

/**
 * Called by the settings' rename action just before it asks the auth provider for the new name:
 * the provider's `organization.updated` webhook that brings that name is then audited as this
 * member's rename (model/clerkSync.ts). Nothing changes here; only the announcement is kept.
 */
export const expectRename = orgMutation({
  role: "admin",
  args: { name: v.string() },
  returns: v.null(),
  handler: async (ctx, { name }) => {
    const parsed = organizationName.safeParse(name);
    if (!parsed.success) fail("INVALID_ARGUMENT", `The name must have 1 to ${ORG_NAME_MAX_LENGTH} characters.`);
    // A member the provider has not told us about yet has no row to name: the rename goes unattributed.
    const actorUserId = ctx.viewer.userId;
    if (actorUserId !== null) await ctx.db.patch("organizations", ctx.org._id, { pendingRename: { name: parsed.data, actorUserId, at: Date.now() } });
    return null;
  },
});

/** The language the bots of agents created from now on answer in; existing agents keep theirs. */
export const setDefaultBotLanguage = orgMutation({
  role: "admin",
  args: { language: botLanguageValidator },
  returns: v.object({ language: botLanguageValidator }),
  handler: async (ctx, { language }) => {
    if (language !== (ctx.org.defaultBotLanguage ?? "auto")) {
      await ctx.db.patch("organizations", ctx.org._id, { defaultBotLanguage: language });
      await recordAudit(ctx.db, {
        orgId: ctx.org._id,
        actorUserId: ctx.viewer.userId,
        action: "organization.default_bot_language_changed",
        target: `organization:${ctx.org.externalId}`,
      });
    }
    return { language };
  },
});

/** Every dashboard day is computed in this zone, so only real IANA names are accepted. */
export const setTimezone = orgMutation({
  role: "admin",
  args: { timezone: v.string() },
  returns: v.object({ timezone: v.string() }),
  handler: async (ctx, { timezone }) => {
    const canonical = canonicalTimeZone(timezone.trim());
    if (canonical === null) fail("INVALID_ARGUMENT", `"${timezone}" is not an IANA time zone.`);
    if (canonical !== ctx.org.timezone) {
      await ctx.db.patch("organizations", ctx.org._id, { timezone: canonical });
      // "Today" moves with the time zone: the rollups are recomputed in the new one, in batches.
      await startRollupRebuild(ctx, ctx.org, canonical);
      await recordAudit(ctx.db, {
        orgId: ctx.org._id,
        actorUserId: ctx.viewer.userId,
        action: "organization.timezone_changed",
        target: `timezone:${canonical}`,
      });
    }
    return { timezone: canonical };
  },
});

export const TEAM_CHANGE_ACTIONS = [
  "team.invited",
  "team.invitation_resent",
  "team.invitation_revoked",
  "team.role_changed",
  "team.member_removed",
] as const;

const TEAM_TARGET_MAX_LENGTH = 300;
// `user:<provider user id>` for a member, `invitation:<email>` for an invitation.
const TEAM_TARGET = /^(user:[A-Za-z0-9_-]+|invitation:[^\s:@]+@[^\s:@]+)$/;

/**
 * Audits a team change the auth provider already made (invitations and memberships live there).
 * Called by the Next.js server action with the acting person's token, so the entry names its actor.
 */
export const recordTeamChange = orgMutation({
  role: "admin",
  args: { action: v.union(...TEAM_CHANGE_ACTIONS.map((action) => v.literal(action))), target: v.string() },
  returns: v.null(),
  handler: async (ctx, { action, target }) => {
    if (target.length > TEAM_TARGET_MAX_LENGTH || !TEAM_TARGET.test(target)) {
      fail("INVALID_ARGUMENT", "The target must be user:<id> or invitation:<email>.");
    }
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action, target });
    // The invitation itself lives with the auth provider: this is where Convex learns one was sent.
    if (action === "team.invited") await recordStep(ctx.db, ctx.org, "team", "done");
    return null;
  },
});

/**
 * Called by the team server actions before an invitation is sent or resent through the auth
 * provider (which Convex never sees first): RATE_LIMITED once the admin's or the org's invitation
 * bucket is empty (model/rateLimits.ts), so the provider is never asked.
 */
export const claimInviteQuota = orgMutation({
  role: "admin",
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await withinOrgLimitsX(ctx.db, INVITES, ctx.org._id, ctx.viewer.externalId);
    return null;
  },
});

const MAX_MEMBERS_LISTED = 500;

export const members = orgQuery({
  args: {},
  returns: v.array(
    v.object({
      userId: v.id("users"),
      // The auth provider's id: what team changes (role, removal) name.
      externalId: v.string(),
      name: v.string(),
      email: v.string(),
      imageUrl: v.union(v.string(), v.null()),
      role: roleValidator,
      isViewer: v.boolean(),
    }),
  ),
  handler: async (ctx) => {
    const memberships = await ctx.db
      .query("memberships")
      .withIndex("by_org_and_user", (q) => q.eq("orgId", ctx.org._id))
      .take(MAX_MEMBERS_LISTED);
    const rows = [];
    for (const membership of memberships.filter((m) => m.deletedAt === undefined)) {
      const user = await ctx.db.get("users", membership.userId);
      if (user === null || user.deletedAt !== undefined) continue;
      rows.push({
        userId: user._id,
        externalId: user.externalId,
        name: user.name,
        email: user.email,
        imageUrl: user.imageUrl ?? null,
        role: membership.role,
        isViewer: user._id === ctx.viewer.userId,
      });
    }
    return rows.sort((a, b) => a.name.localeCompare(b.name));
  },
});

/** Newest first, one page at a time. */
export const auditLog = orgQuery({
  role: "admin",
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(
    v.object({
      _id: v.id("auditLog"),
      action: v.string(),
      target: auditTargetValidator,
      at: v.number(),
      actorName: v.union(v.string(), v.null()),
    }),
  ),
  handler: async (ctx, { paginationOpts }) => {
    const page = await ctx.db
      .query("auditLog")
      .withIndex("by_org_and_at", (q) => q.eq("orgId", ctx.org._id))
      .order("desc")
      .paginate(clampPage(paginationOpts));
    const entries = [];
    for (const entry of page.page) {
      const actor = entry.actorUserId ? await ctx.db.get("users", entry.actorUserId) : null;
      const target = await describeAuditTarget(ctx.db, ctx.org, entry.target);
      entries.push({ _id: entry._id, action: entry.action, target, at: entry.at, actorName: actor?.name ?? null });
    }
    return { ...page, page: entries };
  },
});

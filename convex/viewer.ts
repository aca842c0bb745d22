import type { UserIdentity } from "convex/server";
import { v } from "convex/values";
import { readOrgClaims } from "../lib/auth/claims";
import type { MutationCtx } from "./_generated/server";
import { fail } from "./lib/errors";
import { viewerMutation, viewerQuery } from "./lib/functions";
import { upsertMembership, upsertUser } from "./model/clerkSync";
import { orgByExternalId, userByExternalId } from "./model/directory";
import { normalizeIssuer, ownedByAnotherIssuer } from "./model/issuer";
import { roleValidator } from "./schema";

function claimString(identity: UserIdentity, name: string): string | undefined {
  const value = identity[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** A user profile from the verified token; `updatedAt: 0` so it never overwrites webhook data. */
function profileFromIdentity(identity: UserIdentity) {
  const email = identity.email ?? "";
  return {
    externalId: identity.subject,
    email,
    name: identity.name ?? (email || identity.subject),
    imageUrl: identity.pictureUrl ?? claimString(identity, "image_url"),
    updatedAt: 0,
  };
}

async function provisionOrg(ctx: MutationCtx, identity: UserIdentity): Promise<string | null> {
  const claims = readOrgClaims(identity);
  if (claims === null) return null;
  const slug = claims.slug ?? claims.orgId;
  const issuer = normalizeIssuer(identity.issuer);
  const existing = await orgByExternalId(ctx.db, claims.orgId);
  // Before any row is written: another issuer's org is not this token's (see guard.ts for the code).
  if (existing !== null && ownedByAnotherIssuer(existing, issuer)) fail("ORG_NOT_FOUND", "This organization does not exist.");
  const org = { externalId: claims.orgId, name: claimString(identity, "org_name") ?? slug, slug, updatedAt: 0, issuer };
  const membership = await upsertMembership(ctx, { org, user: profileFromIdentity(identity), role: claims.role, updatedAt: 0 });
  if (membership !== null) return claims.orgId;
  const stored = await orgByExternalId(ctx.db, claims.orgId);
  if (stored === null || stored.deletedAt !== undefined) fail("ORG_NOT_FOUND", "This organization does not exist.");
  fail("FORBIDDEN", "You are no longer a member of this organization.");
}

/**
 * "Webhook or first request": called by the app right after sign-in and on every org switch.
 * Creates the user, the active org and the membership from the verified claims when Clerk's
 * webhook has not arrived yet; an existing row is left as the webhook wrote it.
 */
export const provision = viewerMutation({
  args: {},
  returns: v.object({ orgId: v.union(v.string(), v.null()) }),
  handler: async (ctx) => {
    const user = await upsertUser(ctx, profileFromIdentity(ctx.identity));
    if (user === null) fail("FORBIDDEN", "This account has been deleted.");
    return { orgId: await provisionOrg(ctx, ctx.identity) };
  },
});

const viewerOrgValidator = v.object({ externalId: v.string(), name: v.string(), slug: v.string(), timezone: v.string() });

/** The signed-in person's profile, active organization and role there (org-less on purpose). */
export const get = viewerQuery({
  args: {},
  returns: v.object({
    externalId: v.string(),
    name: v.string(),
    email: v.string(),
    imageUrl: v.union(v.string(), v.null()),
    org: v.union(viewerOrgValidator, v.null()),
    role: v.union(roleValidator, v.null()),
  }),
  handler: async (ctx) => {
    const profile = profileFromIdentity(ctx.identity);
    const user = await userByExternalId(ctx.db, ctx.identity.subject);
    const claims = readOrgClaims(ctx.identity);
    const org = claims === null ? null : await orgByExternalId(ctx.db, claims.orgId);
    const liveOrg = org !== null && org.deletedAt === undefined && !ownedByAnotherIssuer(org, ctx.identity.issuer) ? org : null;
    return {
      externalId: profile.externalId,
      name: user?.name || profile.name,
      email: user?.email || profile.email,
      imageUrl: user?.imageUrl ?? profile.imageUrl ?? null,
      org: liveOrg && { externalId: liveOrg.externalId, name: liveOrg.name, slug: liveOrg.slug, timezone: liveOrg.timezone },
      role: liveOrg && claims ? claims.role : null,
    };
  },
});

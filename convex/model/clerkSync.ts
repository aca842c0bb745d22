import { normalizeRole } from "../../lib/auth/claims";
import type { OrgProfile, UserProfile } from "../../lib/clerk/events";
import { DEFAULT_TIMEZONE } from "../../lib/time/timezone";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { recordAudit } from "./audit";
import { scheduleGatewayCleanups } from "./gatewayCleanup";
import { membershipOf, orgByExternalId, userByExternalId } from "./directory";

/**
 * Idempotent, order-tolerant upserts shared by the Clerk webhook and first-request provisioning.
 * Deletions leave tombstones and every row remembers the provider's `updated_at` it was built from,
 * so a late or replayed delivery can neither revive a deleted row nor overwrite a newer one.
 * `updatedAt: 0` marks a copy embedded in another event (or read from a token): it may create a
 * missing row but never overwrites an existing one.
 */

function isStale(incoming: number, stored: number | undefined): boolean {
  return incoming === 0 || (stored !== undefined && incoming <= stored);
}

export async function upsertOrganization(ctx: MutationCtx, profile: OrgProfile): Promise<Doc<"organizations"> | null> {
  const existing = await orgByExternalId(ctx.db, profile.externalId);
  if (existing?.deletedAt !== undefined) return null;
  if (existing === null) {
    const orgId = await ctx.db.insert("organizations", {
      externalId: profile.externalId,
      name: profile.name,
      slug: profile.slug,
      timezone: DEFAULT_TIMEZONE,
      sourceUpdatedAt: profile.updatedAt || undefined,
      ...(profile.issuer !== undefined ? { issuer: profile.issuer } : {}),
    });
    await recordAudit(ctx.db, { orgId, action: "organization.created", target: `organization:${profile.externalId}` });
    return await ctx.db.get("organizations", orgId);
  }
  if (isStale(profile.updatedAt, existing.sourceUpdatedAt)) return existing;
  const renamedBy = announcedRenamer(existing, profile.name);
  await ctx.db.patch("organizations", existing._id, {
    name: profile.name,
    slug: profile.slug,
    sourceUpdatedAt: profile.updatedAt,
    ...(renamedBy !== null ? { pendingRename: undefined } : {}),
  });
  const target = `organization:${profile.externalId}`;
  await recordAudit(
    ctx.db,
    renamedBy !== null
      ? { orgId: existing._id, actorUserId: renamedBy, action: "organization.renamed", target }
      : { orgId: existing._id, action: "organization.updated", target },
  );
  return await ctx.db.get("organizations", existing._id);
}

/** How long a rename asked for in SpinDesk waits for the provider's webhook that brings it. */
export const RENAME_ANNOUNCEMENT_MS = 10 * 60 * 1000;

/** The member who asked for exactly this new name a moment ago (organizations.expectRename), if any. */
function announcedRenamer(org: Doc<"organizations">, newName: string) {
  const announced = org.pendingRename;
  if (announced === undefined || newName === org.name || announced.name !== newName) return null;
  return Date.now() - announced.at <= RENAME_ANNOUNCEMENT_MS ? announced.actorUserId : null;
}

/**
 * Refused by the guard from this moment on; every WhatsApp instance it had is logged out and deleted
 * on the gateway (convex/gatewayCleanup.ts) and its rows are purged in scheduled batches. The same path
 * for a deletion made in SpinDesk's settings (through the auth provider) and one made in Clerk.
 */
export async function deleteOrganization(ctx: MutationCtx, externalId: string): Promise<void> {
  const existing = await orgByExternalId(ctx.db, externalId);
  if (existing?.deletedAt !== undefined) return;
  if (existing === null) {
    // Deleted before we ever saw it: a tombstone stops a late "created" from bringing it back.
    await ctx.db.insert("organizations", { externalId, name: "", slug: "", timezone: DEFAULT_TIMEZONE, deletedAt: Date.now() });
    return;
  }
  await ctx.db.patch("organizations", existing._id, { deletedAt: Date.now() });
  await recordAudit(ctx.db, { orgId: existing._id, action: "organization.deleted", target: `organization:${externalId}` });
  // First the gateway cleanups, which copy the instance names the purge is about to delete.
  await scheduleGatewayCleanups(ctx, existing._id);
  await ctx.scheduler.runAfter(0, internal.purge.purgeOrganizationBatch, { orgId: existing._id });
}

export async function upsertUser(ctx: MutationCtx, profile: UserProfile): Promise<Doc<"users"> | null> {
  const existing = await userByExternalId(ctx.db, profile.externalId);
  if (existing?.deletedAt !== undefined) return null;
  const fields = { email: profile.email, name: profile.name, imageUrl: profile.imageUrl };
  if (existing === null) {
    const userId = await ctx.db.insert("users", {
      externalId: profile.externalId,
      ...fields,
      sourceUpdatedAt: profile.updatedAt || undefined,
    });
    return await ctx.db.get("users", userId);
  }
  if (isStale(profile.updatedAt, existing.sourceUpdatedAt)) return existing;
  await ctx.db.patch("users", existing._id, { ...fields, sourceUpdatedAt: profile.updatedAt });
  return await ctx.db.get("users", existing._id);
}

/** Tombstones the user (profile data erased) and removes every membership it had. */
export async function deleteUser(ctx: MutationCtx, externalId: string): Promise<void> {
  const existing = await userByExternalId(ctx.db, externalId);
  if (existing?.deletedAt !== undefined) return;
  const erased = { email: "", name: "", imageUrl: undefined, deletedAt: Date.now() };
  if (existing === null) {
    await ctx.db.insert("users", { externalId, ...erased });
    return;
  }
  const memberships = await ctx.db
    .query("memberships")
    .withIndex("by_user", (q) => q.eq("userId", existing._id))
    .collect();
  for (const membership of memberships.filter((m) => m.deletedAt === undefined)) {
    await ctx.db.patch("memberships", membership._id, { deletedAt: Date.now() });
    await recordAudit(ctx.db, { orgId: membership.orgId, action: "member.removed", target: `user:${externalId}` });
  }
  await ctx.db.patch("users", existing._id, erased);
}

type MembershipChange = { org: OrgProfile; user: UserProfile; role: string; updatedAt: number };

export async function upsertMembership(ctx: MutationCtx, change: MembershipChange): Promise<Doc<"memberships"> | null> {
  const org = await upsertOrganization(ctx, change.org);
  const user = await upsertUser(ctx, change.user);
  if (org === null || user === null) return null;
  const role = normalizeRole(change.role);
  const target = `user:${user.externalId}`;
  const existing = await membershipOf(ctx.db, org._id, user._id);
  if (existing === null) {
    const id = await ctx.db.insert("memberships", { orgId: org._id, userId: user._id, role, sourceUpdatedAt: change.updatedAt || undefined });
    await recordAudit(ctx.db, { orgId: org._id, action: "member.added", target });
    return await ctx.db.get("memberships", id);
  }
  if (isStale(change.updatedAt, existing.sourceUpdatedAt)) return existing.deletedAt === undefined ? existing : null;
  const revived = existing.deletedAt !== undefined;
  if (!revived && existing.role === role) {
    await ctx.db.patch("memberships", existing._id, { sourceUpdatedAt: change.updatedAt });
    return existing;
  }
  await ctx.db.patch("memberships", existing._id, { role, deletedAt: undefined, sourceUpdatedAt: change.updatedAt });
  await recordAudit(ctx.db, { orgId: org._id, action: revived ? "member.added" : "member.role_changed", target });
  return await ctx.db.get("memberships", existing._id);
}

type MembershipRemoval = { org: OrgProfile; user: UserProfile; updatedAt: number };

export async function deleteMembership(ctx: MutationCtx, removal: MembershipRemoval): Promise<void> {
  const org = await upsertOrganization(ctx, removal.org);
  const user = await upsertUser(ctx, removal.user);
  if (org === null || user === null) return;
  const existing = await membershipOf(ctx.db, org._id, user._id);
  if (existing?.deletedAt !== undefined) return;
  // A removal older than the membership we hold (removed, then invited again) changes nothing.
  if (existing && removal.updatedAt > 0 && removal.updatedAt < (existing.sourceUpdatedAt ?? 0)) return;
  const tombstone = { deletedAt: Date.now(), sourceUpdatedAt: removal.updatedAt || undefined };
  if (existing === null) {
    // Removal seen before the addition: a tombstone that the older "created" cannot beat.
    await ctx.db.insert("memberships", { orgId: org._id, userId: user._id, role: "member", ...tombstone });
    return;
  }
  await ctx.db.patch("memberships", existing._id, tombstone);
  await recordAudit(ctx.db, { orgId: org._id, action: "member.removed", target: `user:${user.externalId}` });
}

import { deliverBestEffort, organizationDeletedEvent, organizationUpdatedEvent } from "./clerk-events";
import { changeState, merge, orgNameX, readDirectory, type OrganizationChange, type RuntimeState } from "./directory";
import { LocalAuthError } from "./errors";
import type { LocalOrganization } from "./model";

/**
 * Renaming and deleting an organization in the local issuer's directory. As with Clerk, Convex
 * hears each change through a Clerk-shaped webhook (`organization.updated`, `organization.deleted`).
 */

function organizationX(state: RuntimeState, orgId: string): LocalOrganization {
  const org = merge(state).organizations.find((o) => o.id === orgId);
  if (!org) throw new LocalAuthError("ORG_NOT_FOUND", "This organization does not exist.");
  return org;
}

function withChange(state: RuntimeState, change: OrganizationChange): RuntimeState {
  return { ...state, organizationChanges: [...state.organizationChanges.filter((c) => c.id !== change.id), change] };
}

/** The organization as the directory has it now, or null when it does not exist (any more). */
export async function getOrganization(orgId: string): Promise<LocalOrganization | null> {
  return (await readDirectory()).organizations.find((o) => o.id === orgId) ?? null;
}

/** A new name (trimmed, 1–64 characters); the slug stays, as Clerk keeps it unless asked. */
export async function renameOrganization(orgId: string, rawName: string): Promise<LocalOrganization> {
  const name = orgNameX(rawName);
  const { result } = await changeState((state) => {
    const org = organizationX(state, orgId);
    if (org.name === name) return { next: null, result: { org, changed: false } };
    // Later than the last change even within one millisecond, so Convex never reads it as stale.
    const updatedAt = Math.max(Date.now(), (org.updatedAt ?? org.createdAt) + 1);
    return { next: withChange(state, { id: orgId, name, updatedAt }), result: { org: { ...org, name, updatedAt }, changed: true } };
  });
  if (result.changed) await deliverBestEffort([organizationUpdatedEvent(result.org)], "a renamed organization");
  return result.org;
}

/** Gone from the directory at once (members lose it, invitations to it lapse); Convex purges its data. */
export async function deleteOrganization(orgId: string): Promise<void> {
  const at = Date.now();
  await changeState((state) => {
    const org = organizationX(state, orgId);
    const next = withChange(state, { id: orgId, name: org.name, updatedAt: at, deletedAt: at });
    return { next: { ...next, invitations: next.invitations.filter((i) => i.orgId !== orgId) }, result: null };
  });
  await deliverBestEffort([organizationDeletedEvent(orgId, at)], "a deleted organization");
}

/**
 * "Organization sync", as Clerk's `organizationSyncOptions` does it: visiting `/org/<id>/...` makes
 * `<id>` the active organization, but only one the user belongs to. Anything else leaves the active
 * org alone, so the org layout shows its ORG_MISMATCH page. Pure: the proxy and the client agree.
 */

/** The organization id named by `/org/<id>` or `/org/<id>/...`; null for any other path. */
export function orgIdInPath(pathname: string): string | null {
  const match = /^\/org\/([^/]+)(?:\/|$)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The organization to make active for this path, or null to leave the session as it is. */
export function orgToActivate(pathname: string, activeOrgId: string | null, memberOrgIds: readonly string[]): string | null {
  const orgId = orgIdInPath(pathname);
  if (orgId === null || orgId === activeOrgId) return null;
  return memberOrgIds.includes(orgId) ? orgId : null;
}


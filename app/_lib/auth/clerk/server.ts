import "server-only";
import { auth, clerkClient } from "@clerk/nextjs/server";
import { normalizeRole } from "@/lib/auth/claims";
import { CONVEX_JWT_TEMPLATE } from "@/lib/auth/clerk/env";
import type { ServerAuth } from "../types";

const MEMBERSHIPS_CHECKED = 100;

export const clerkServerAuth: ServerAuth = {
  async getSession() {
    const { userId, orgId, orgRole, orgSlug } = await auth();
    if (!userId) return null;
    return {
      userId,
      orgId: orgId ?? null,
      orgRole: orgId ? normalizeRole(orgRole) : null,
      orgSlug: orgSlug ?? null,
    };
  },
  async getConvexToken() {
    const { userId, getToken } = await auth();
    if (!userId) return null;
    return getToken({ template: CONVEX_JWT_TEMPLATE });
  },
  async isMemberOf(orgId) {
    const { userId } = await auth();
    if (!userId) return false;
    try {
      // Backend API: the user's memberships (a person rarely belongs to more than a handful of orgs).
      const memberships = await (await clerkClient()).users.getOrganizationMembershipList({ userId, limit: MEMBERSHIPS_CHECKED });
      return memberships.data.some((membership) => membership.organization.id === orgId);
    } catch {
      // Unknown is treated as "not a member": the page then offers only the org picker, which always works.
      return false;
    }
  },
};

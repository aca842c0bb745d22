import "server-only";
import { auth } from "@clerk/nextjs/server";
import { normalizeRole } from "@/lib/auth/claims";
import { CONVEX_JWT_TEMPLATE } from "@/lib/auth/clerk/env";
import type { ServerAuth } from "../types";

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
};

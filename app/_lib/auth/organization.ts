import "server-only";
import { clerkClient } from "@clerk/nextjs/server";
import { clerkOrganizationAdmin, type ClerkOrganizationLifecycleApi } from "@/lib/auth/clerk/organization";
import * as local from "@/lib/auth/local/organization";
import type { OrganizationAdmin } from "@/lib/auth/organization";
import type { AuthProviderName } from "@/lib/auth/provider";
import { configuredAuthProvider } from "@/lib/auth/setup";

// `clerkClient()`'s organizations API satisfies the subset the Clerk implementation calls (checked by tsc).
const clerkOrganizations = async (): Promise<ClerkOrganizationLifecycleApi> => (await clerkClient()).organizations;

const ORGANIZATION_ADMIN = {
  clerk: clerkOrganizationAdmin(clerkOrganizations),
  local: {
    nameOf: async (orgId) => (await local.getOrganization(orgId))?.name ?? null,
    rename: async (orgId, name) => void (await local.renameOrganization(orgId, name)),
    remove: local.deleteOrganization,
  },
} satisfies Record<AuthProviderName, OrganizationAdmin>;

/** The configured provider's organization lifecycle (rename, delete); null when auth is not configured. */
export function organizationAdmin(): OrganizationAdmin | null {
  const provider = configuredAuthProvider();
  return provider === null ? null : ORGANIZATION_ADMIN[provider];
}

import type { OrganizationAdmin } from "../organization";
import { clerkCall, ClerkTeamError } from "./team";

/**
 * Renaming and deleting an organization through Clerk's Backend API (`PATCH` and `DELETE
 * /v1/organizations/{organization_id}`). Clerk then sends `organization.updated` or
 * `organization.deleted`, and Convex follows exactly as for a change made in Clerk's own UI.
 */

type ClerkOrganization = { id: string; name: string };

/** The calls of `@clerk/backend`'s OrganizationApi this module uses, with the documented parameters. */
export type ClerkOrganizationLifecycleApi = {
  getOrganization(params: { organizationId: string }): Promise<ClerkOrganization>;
  updateOrganization(organizationId: string, params: { name?: string }): Promise<ClerkOrganization>;
  deleteOrganization(organizationId: string): Promise<unknown>;
};

export function clerkOrganizationAdmin(organizations: () => Promise<ClerkOrganizationLifecycleApi>): OrganizationAdmin {
  return {
    async nameOf(orgId) {
      const api = await organizations();
      try {
        return (await clerkCall(() => api.getOrganization({ organizationId: orgId }))).name;
      } catch (error) {
        if (error instanceof ClerkTeamError && error.code === "NOT_FOUND") return null;
        throw error;
      }
    },
    async rename(orgId, name) {
      const api = await organizations();
      await clerkCall(() => api.updateOrganization(orgId, { name }));
    },
    async remove(orgId) {
      const api = await organizations();
      await clerkCall(() => api.deleteOrganization(orgId));
    },
  };
}

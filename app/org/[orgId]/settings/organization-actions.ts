"use server";

import { z } from "zod";
import { organizationAdmin } from "@/app/_lib/auth/organization";
import { announceRename, runTeamAction, type TeamResult } from "@/app/_lib/team/run";
import { deleteOrganizationAs, OrganizationChangeError, renameOrganizationAs } from "@/lib/auth/organization";

/**
 * The settings page's organization card: rename (owners and admins) and delete (owners, typed
 * confirmation). The auth provider makes the change; its webhook brings it to Convex, where a deletion
 * logs out every WhatsApp number and purges the data (convex/model/clerkSync.ts deleteOrganization).
 * The caller's role is the provider's current one, as for team changes.
 */

const ID_MAX_LENGTH = 128;
const TYPED_MAX_LENGTH = 256;
const orgId = z.string().min(1).max(ID_MAX_LENGTH);

function adminX() {
  const admin = organizationAdmin();
  if (admin === null) throw new OrganizationChangeError("INTERNAL_ERROR", "Sign-in is not configured.");
  return admin;
}

export async function renameOrganization(input: { orgId: string; name: string }): Promise<TeamResult<{ name: string }>> {
  return runTeamAction(z.object({ orgId, name: z.string().max(TYPED_MAX_LENGTH) }), input, async (caller, args) => ({
    name: await renameOrganizationAs(adminX(), caller.actorRole, args.orgId, args.name, (name) => announceRename(caller, name)),
  }));
}

export async function deleteOrganization(input: { orgId: string; confirmName: string }): Promise<TeamResult> {
  return runTeamAction(z.object({ orgId, confirmName: z.string().max(TYPED_MAX_LENGTH) }), input, async (caller, args) => {
    await deleteOrganizationAs(adminX(), caller.actorRole, args.orgId, args.confirmName);
    return {};
  });
}

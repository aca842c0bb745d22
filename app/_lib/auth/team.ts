import "server-only";
import { clerkClient } from "@clerk/nextjs/server";
import type { OrgRole } from "@/lib/auth/claims";
import { clerkTeamAdmin, type ClerkOrganizationsApi } from "@/lib/auth/clerk/team";
import * as local from "@/lib/auth/local/team";
import type { AuthProviderName } from "@/lib/auth/provider";
import { configuredAuthProvider } from "@/lib/auth/setup";
import type { TeamInvitation, TeamMember } from "@/lib/auth/team";

/**
 * Team management of each auth provider: invitations and memberships live with the provider, and
 * its webhooks bring them to Convex. `actorId` is the provider's id of the person acting.
 */
export type TeamAdmin = {
  listMembers(orgId: string): Promise<TeamMember[]>;
  /** Pending invitations only. */
  listInvitations(orgId: string): Promise<TeamInvitation[]>;
  invite(orgId: string, email: string, role: OrgRole, actorId: string): Promise<TeamInvitation>;
  resendInvitation(orgId: string, invitationId: string, actorId: string): Promise<TeamInvitation>;
  revokeInvitation(orgId: string, invitationId: string, actorId: string): Promise<TeamInvitation>;
  setRole(orgId: string, userId: string, role: OrgRole): Promise<void>;
  removeMember(orgId: string, userId: string): Promise<void>;
};

// `clerkClient()`'s organizations API satisfies the subset the Clerk implementation calls (checked by tsc).
const clerkOrganizations = async (): Promise<ClerkOrganizationsApi> => (await clerkClient()).organizations;

const TEAM_ADMIN = {
  clerk: clerkTeamAdmin(clerkOrganizations),
  local: {
    listMembers: local.listMembers,
    listInvitations: local.listInvitations,
    invite: local.invite,
    resendInvitation: local.resendInvitation,
    revokeInvitation: (orgId, invitationId) => local.revokeInvitation(orgId, invitationId),
    setRole: local.setRole,
    removeMember: local.removeMember,
  },
} satisfies Record<AuthProviderName, TeamAdmin>;

/** The configured provider's team management; null when auth is not configured. */
export function teamAdmin(): TeamAdmin | null {
  const provider = configuredAuthProvider();
  return provider === null ? null : TEAM_ADMIN[provider];
}

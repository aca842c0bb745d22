import { isErrorCode, type ErrorCode } from "../../errors";
import { normalizeRole, type OrgRole } from "../claims";
import type { TeamInvitation, TeamMember } from "../team";

/**
 * Team management through Clerk's Backend API (organization invitations and memberships). Written
 * against the subset of `clerkClient().organizations` it calls, so it can be exercised with a fake.
 * Clerk's webhooks then sync Convex's rows, exactly as for changes made in Clerk's own UI.
 */

type Paginated<T> = { data: T[]; totalCount: number };
type ClerkInvitation = { id: string; emailAddress: string; role: string; organizationId: string; createdAt: number };
type ClerkMembership = { role: string; publicUserData?: { userId: string } | null };

/** The calls of `@clerk/backend`'s OrganizationApi this module uses, with the documented parameters. */
export type ClerkOrganizationsApi = {
  getOrganizationMembershipList(params: { organizationId: string; limit?: number }): Promise<Paginated<ClerkMembership>>;
  getOrganizationInvitationList(params: { organizationId: string; status?: "pending"[]; limit?: number }): Promise<Paginated<ClerkInvitation>>;
  getOrganizationInvitation(params: { organizationId: string; invitationId: string }): Promise<ClerkInvitation>;
  createOrganizationInvitation(params: {
    organizationId: string;
    emailAddress: string;
    role: string;
    inviterUserId?: string;
  }): Promise<ClerkInvitation>;
  revokeOrganizationInvitation(params: { organizationId: string; invitationId: string; requestingUserId?: string }): Promise<ClerkInvitation>;
  updateOrganizationMembership(params: { organizationId: string; userId: string; role: string }): Promise<unknown>;
  deleteOrganizationMembership(params: { organizationId: string; userId: string }): Promise<unknown>;
};

/** Thrown with a SpinDesk code, whatever Clerk answered. */
export class ClerkTeamError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ClerkTeamError";
  }
}

const LISTED = 500;

/** SpinDesk's roles are Clerk role keys with the `org:` prefix (`org:owner` is a custom role); see normalizeRole. */
export function clerkRoleKey(role: OrgRole): string {
  return `org:${role}`;
}

function statusCode(status: number): ErrorCode {
  if (status === 400 || status === 422) return "INVALID_ARGUMENT";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  return "INTERNAL_ERROR";
}

/** A ClerkAPIResponseError carries `status` and `errors[{ message, longMessage }]`. */
function translated(error: unknown): ClerkTeamError {
  if (error instanceof ClerkTeamError) return error;
  const shaped = error as { status?: unknown; code?: unknown; errors?: Array<{ longMessage?: string; message?: string }> } | null;
  if (isErrorCode(shaped?.code)) return new ClerkTeamError(shaped.code, (error as Error).message);
  const status = typeof shaped?.status === "number" ? shaped.status : 500;
  const detail = shaped?.errors?.[0];
  return new ClerkTeamError(statusCode(status), detail?.longMessage ?? detail?.message ?? "Clerk did not accept the change.");
}

/** One Backend API call, any failure translated to a SpinDesk code. */
export async function clerkCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translated(error);
  }
}

function invitationOf(invitation: ClerkInvitation): TeamInvitation {
  return {
    id: invitation.id,
    orgId: invitation.organizationId,
    email: invitation.emailAddress,
    role: normalizeRole(invitation.role),
    createdAt: invitation.createdAt,
  };
}

export function clerkTeamAdmin(organizations: () => Promise<ClerkOrganizationsApi>) {
  return {
    async listMembers(orgId: string): Promise<TeamMember[]> {
      const api = await organizations();
      const page = await clerkCall(() => api.getOrganizationMembershipList({ organizationId: orgId, limit: LISTED }));
      return page.data.flatMap((m) => (m.publicUserData?.userId ? [{ userId: m.publicUserData.userId, role: normalizeRole(m.role) }] : []));
    },
    async listInvitations(orgId: string): Promise<TeamInvitation[]> {
      const api = await organizations();
      const page = await clerkCall(() => api.getOrganizationInvitationList({ organizationId: orgId, status: ["pending"], limit: LISTED }));
      return page.data.map(invitationOf);
    },
    async invite(orgId: string, email: string, role: OrgRole, actorId: string): Promise<TeamInvitation> {
      const api = await organizations();
      const params = { organizationId: orgId, emailAddress: email, role: clerkRoleKey(role), inviterUserId: actorId };
      return invitationOf(await clerkCall(() => api.createOrganizationInvitation(params)));
    },
    async revokeInvitation(orgId: string, invitationId: string, actorId: string): Promise<TeamInvitation> {
      const api = await organizations();
      const params = { organizationId: orgId, invitationId, requestingUserId: actorId };
      return invitationOf(await clerkCall(() => api.revokeOrganizationInvitation(params)));
    },
    /** Clerk has no "resend" endpoint: revoke the pending invitation and create the same one again. */
    async resendInvitation(orgId: string, invitationId: string, actorId: string): Promise<TeamInvitation> {
      const revoked = await this.revokeInvitation(orgId, invitationId, actorId);
      return this.invite(orgId, revoked.email, revoked.role, actorId);
    },
    async setRole(orgId: string, userId: string, role: OrgRole): Promise<void> {
      const api = await organizations();
      await clerkCall(() => api.updateOrganizationMembership({ organizationId: orgId, userId, role: clerkRoleKey(role) }));
    },
    async removeMember(orgId: string, userId: string): Promise<void> {
      const api = await organizations();
      await clerkCall(() => api.deleteOrganizationMembership({ organizationId: orgId, userId }));
    },
  };
}

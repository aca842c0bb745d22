import type { OrgRole } from "../claims";
import { ownerCountOf, teamEmail, teamRole, type TeamInvitation, type TeamMember } from "../team";
import { deliverBestEffort, membershipChangeEvent, userCreatedEvent, type MembershipChangeType, type SeedEvent } from "./clerk-events";
import { changeState, membershipRows, merge, readDirectory, readInvitations, type RuntimeState, type StoredInvitation } from "./directory";
import { LocalAuthError } from "./errors";
import { nameFromEmail } from "./name";
import type { LocalDirectory, LocalMembership, LocalUser } from "./model";

/**
 * Invitations and membership changes of the local issuer, kept in its state file. Every change is
 * told to Convex with the Clerk-shaped webhook Clerk would send, so the rows sync the same way.
 */

export const INVITEE_NAME_MAX_LENGTH = 80;

function invitationView(invitation: StoredInvitation): TeamInvitation {
  const { id, orgId, email, role, createdAt } = invitation;
  return { id, orgId, email, role, createdAt };
}

function orgX(directory: LocalDirectory, orgId: string): void {
  if (!directory.organizations.some((org) => org.id === orgId)) {
    throw new LocalAuthError("ORG_NOT_FOUND", "This organization does not exist.");
  }
}

function activeMembershipX(state: RuntimeState, orgId: string, userId: string): LocalMembership {
  const membership = membershipRows(state).find((m) => m.orgId === orgId && m.userId === userId && m.removedAt === undefined);
  if (!membership) throw new LocalAuthError("NOT_FOUND", "This person is not a member of the organization.");
  return membership;
}

/** Later than the row's last change even within one millisecond, so Convex never reads it as stale. */
function nextUpdate(membership: LocalMembership): number {
  return Math.max(Date.now(), (membership.updatedAt ?? membership.createdAt) + 1);
}

function withMembership(state: RuntimeState, membership: LocalMembership): RuntimeState {
  const others = state.memberships.filter((m) => !(m.orgId === membership.orgId && m.userId === membership.userId));
  return { ...state, memberships: [...others, membership] };
}

function lastOwnerX(state: RuntimeState, membership: LocalMembership): void {
  const owners = membershipRows(state).filter((m) => m.orgId === membership.orgId && m.removedAt === undefined);
  if (membership.role === "owner" && ownerCountOf(owners) <= 1) {
    throw new LocalAuthError("CONFLICT", "The organization needs at least one owner.");
  }
}

async function tellConvex(directory: LocalDirectory, type: MembershipChangeType, membership: LocalMembership, extra: SeedEvent[] = []) {
  const event = membershipChangeEvent(directory, type, membership);
  await deliverBestEffort([...extra, ...(event ? [event] : [])], `a membership change (${type})`);
}

/** The organization's members with their roles. */
export async function listMembers(orgId: string): Promise<TeamMember[]> {
  const directory = await readDirectory();
  orgX(directory, orgId);
  return directory.memberships.filter((m) => m.orgId === orgId).map(({ userId, role }) => ({ userId, role }));
}

/** Pending invitations of one organization, oldest first. */
export async function listInvitations(orgId: string): Promise<TeamInvitation[]> {
  return (await readInvitations()).filter((i) => i.orgId === orgId).map(invitationView);
}

/** Every pending invitation with its organization's name: what the sign-in screen offers. */
export async function pendingInvitations(): Promise<Array<TeamInvitation & { orgName: string }>> {
  const [directory, invitations] = await Promise.all([readDirectory(), readInvitations()]);
  return invitations.flatMap((invitation) => {
    const org = directory.organizations.find((o) => o.id === invitation.orgId);
    return org ? [{ ...invitationView(invitation), orgName: org.name }] : [];
  });
}

function newInvitation(orgId: string, email: string, role: OrgRole, invitedBy: string | null): StoredInvitation {
  const id = `orginv_local_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  return { id, orgId, email, role, invitedBy, createdAt: Date.now() };
}

/** A pending invitation; refused when the person is already a member or already invited. */
export async function invite(orgId: string, rawEmail: string, rawRole: string, invitedBy: string | null): Promise<TeamInvitation> {
  const email = teamEmail.safeParse(rawEmail);
  const role = teamRole.safeParse(rawRole);
  if (!email.success || !role.success) throw new LocalAuthError("INVALID_ARGUMENT", "Enter a valid email address and role.");
  const { result } = await changeState((state) => {
    const directory = merge(state);
    orgX(directory, orgId);
    const user = directory.users.find((u) => u.email.toLowerCase() === email.data);
    if (user && directory.memberships.some((m) => m.orgId === orgId && m.userId === user.id)) {
      throw new LocalAuthError("CONFLICT", "This person is already a member of the organization.");
    }
    if (state.invitations.some((i) => i.orgId === orgId && i.email === email.data)) {
      throw new LocalAuthError("CONFLICT", "This person has already been invited.");
    }
    const invitation = newInvitation(orgId, email.data, role.data, invitedBy);
    return { next: { ...state, invitations: [...state.invitations, invitation] }, result: invitation };
  });
  return invitationView(result);
}

function invitationX(state: RuntimeState, orgId: string, invitationId: string): StoredInvitation {
  const invitation = state.invitations.find((i) => i.id === invitationId && i.orgId === orgId);
  if (!invitation) throw new LocalAuthError("NOT_FOUND", "This invitation no longer exists.");
  return invitation;
}

/** Withdraws a pending invitation; answers what it was. */
export async function revokeInvitation(orgId: string, invitationId: string): Promise<TeamInvitation> {
  const { result } = await changeState((state) => {
    const invitation = invitationX(state, orgId, invitationId);
    return { next: { ...state, invitations: state.invitations.filter((i) => i !== invitation) }, result: invitation };
  });
  return invitationView(result);
}

/** As with Clerk, which has no "resend": the invitation is revoked and a new one is sent. */
export async function resendInvitation(orgId: string, invitationId: string, invitedBy: string | null): Promise<TeamInvitation> {
  const { result } = await changeState((state) => {
    const old = invitationX(state, orgId, invitationId);
    const fresh = newInvitation(orgId, old.email, old.role, invitedBy);
    return { next: { ...state, invitations: [...state.invitations.filter((i) => i !== old), fresh] }, result: fresh };
  });
  return invitationView(result);
}

/** Changes a member's role; the last owner keeps hers. */
export async function setRole(orgId: string, userId: string, role: OrgRole): Promise<void> {
  const { result, directory } = await changeState((state) => {
    const membership = activeMembershipX(state, orgId, userId);
    if (membership.role === role) return { next: null, result: null };
    lastOwnerX(state, membership);
    const changed: LocalMembership = { ...membership, role, updatedAt: nextUpdate(membership) };
    return { next: withMembership(state, changed), result: changed };
  });
  if (result !== null) await tellConvex(directory, "organizationMembership.updated", result);
}

/** Removes a member (demo members too); the last owner stays. */
export async function removeMember(orgId: string, userId: string): Promise<void> {
  const { result, directory } = await changeState((state) => {
    const membership = activeMembershipX(state, orgId, userId);
    lastOwnerX(state, membership);
    const at = nextUpdate(membership);
    return { next: withMembership(state, { ...membership, updatedAt: at, removedAt: at }), result: { ...membership, updatedAt: at } };
  });
  // The event names a user the merged directory still knows (users are never removed).
  await tellConvex(directory, "organizationMembership.deleted", result);
}

function inviteeName(raw: string | undefined, email: string): string {
  const name = (raw ?? "").trim().replace(/\s+/g, " ");
  if (name.length > INVITEE_NAME_MAX_LENGTH) throw new LocalAuthError("INVALID_ARGUMENT", `Use at most ${INVITEE_NAME_MAX_LENGTH} characters.`);
  return name || nameFromEmail(email);
}

function newUser(email: string, name: string): LocalUser {
  const [firstName = name, ...rest] = name.split(" ");
  const id = `user_local_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  return { id, name, firstName, lastName: rest.join(" "), email, createdAt: Date.now() };
}

export type AcceptedInvitation = { userId: string; orgId: string };

/**
 * Accepts an invitation: the person is created if the email is new, becomes a member with the
 * invited role, and Convex hears `user.created` (for a new person) and `organizationMembership.created`.
 */
export async function acceptInvitation(invitationId: string, name?: string): Promise<AcceptedInvitation> {
  const { result, directory } = await changeState((state) => {
    const invitation = state.invitations.find((i) => i.id === invitationId);
    if (!invitation) throw new LocalAuthError("NOT_FOUND", "This invitation no longer exists.");
    const directory = merge(state);
    const existing = directory.users.find((u) => u.email.toLowerCase() === invitation.email) ?? null;
    const user = existing ?? newUser(invitation.email, inviteeName(name, invitation.email));
    // A returning member's row carries the removal's time: the new one must be later still.
    const previous = membershipRows(state).find((m) => m.orgId === invitation.orgId && m.userId === user.id);
    const now = previous ? nextUpdate(previous) : Date.now();
    const membership: LocalMembership = { orgId: invitation.orgId, userId: user.id, role: invitation.role, createdAt: now, updatedAt: now };
    const next: RuntimeState = {
      ...withMembership(state, membership),
      users: existing ? state.users : [...state.users, user],
      invitations: state.invitations.filter((i) => i !== invitation),
    };
    return { next, result: { user, membership, isNewUser: existing === null } };
  });
  const extra = result.isNewUser ? [userCreatedEvent(result.user)] : [];
  await tellConvex(directory, "organizationMembership.created", result.membership, extra);
  return { userId: result.user.id, orgId: result.membership.orgId };
}

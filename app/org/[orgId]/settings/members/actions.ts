"use server";

import { z } from "zod";
import { allowX, audit, claimInviteQuotaX, memberX, runTeamAction, type TeamResult } from "@/app/_lib/team/run";
import { teamEmail, teamRole, type TeamInvitation } from "@/lib/auth/team";

/**
 * The members page's team changes. Each one: the session acts in the URL's organization, the
 * shared rules (lib/auth/team.ts) allow it, the auth provider makes it, and Convex audits it with
 * the caller as actor. Convex's member rows follow through the provider's webhook.
 */

const ID_MAX_LENGTH = 128;
const orgId = z.string().min(1).max(ID_MAX_LENGTH);
const providerId = z.string().min(1).max(ID_MAX_LENGTH);

export async function listTeamInvitations(input: { orgId: string }): Promise<TeamResult<{ invitations: TeamInvitation[] }>> {
  return runTeamAction(z.object({ orgId }), input, async (caller, args) => {
    allowX(caller, { kind: "resend" });
    const invitations = await caller.team.listInvitations(args.orgId);
    return { invitations: invitations.sort((a, b) => b.createdAt - a.createdAt) };
  });
}

export async function inviteTeammate(input: { orgId: string; email: string; role: string }): Promise<TeamResult> {
  return runTeamAction(z.object({ orgId, email: teamEmail, role: teamRole }), input, async (caller, args) => {
    allowX(caller, { kind: "invite", role: args.role });
    await claimInviteQuotaX(caller);
    const invitation = await caller.team.invite(args.orgId, args.email, args.role, caller.actorId);
    await audit(caller, "team.invited", `invitation:${invitation.email}`);
    return {};
  });
}

const invitationInput = z.object({ orgId, invitationId: providerId });

export async function resendTeamInvitation(input: { orgId: string; invitationId: string }): Promise<TeamResult> {
  return runTeamAction(invitationInput, input, async (caller, args) => {
    allowX(caller, { kind: "resend" });
    await claimInviteQuotaX(caller);
    const invitation = await caller.team.resendInvitation(args.orgId, args.invitationId, caller.actorId);
    await audit(caller, "team.invitation_resent", `invitation:${invitation.email}`);
    return {};
  });
}

export async function revokeTeamInvitation(input: { orgId: string; invitationId: string }): Promise<TeamResult> {
  return runTeamAction(invitationInput, input, async (caller, args) => {
    allowX(caller, { kind: "revoke" });
    const invitation = await caller.team.revokeInvitation(args.orgId, args.invitationId, caller.actorId);
    await audit(caller, "team.invitation_revoked", `invitation:${invitation.email}`);
    return {};
  });
}

export async function changeMemberRole(input: { orgId: string; userId: string; role: string }): Promise<TeamResult> {
  return runTeamAction(z.object({ orgId, userId: providerId, role: teamRole }), input, async (caller, args) => {
    const target = memberX(caller, args.userId);
    allowX(caller, { kind: "setRole", targetRole: target.role, role: args.role });
    if (target.role === args.role) return {};
    await caller.team.setRole(args.orgId, args.userId, args.role);
    await audit(caller, "team.role_changed", `user:${args.userId}`);
    return {};
  });
}

export async function removeTeamMember(input: { orgId: string; userId: string }): Promise<TeamResult> {
  return runTeamAction(z.object({ orgId, userId: providerId }), input, async (caller, args) => {
    const target = memberX(caller, args.userId);
    allowX(caller, { kind: "remove", targetRole: target.role });
    await caller.team.removeMember(args.orgId, args.userId);
    await audit(caller, "team.member_removed", `user:${args.userId}`);
    return {};
  });
}

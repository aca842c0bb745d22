import { z } from "zod";
import type { ErrorCode } from "../errors";
import { ORG_ROLES, type OrgRole } from "./claims";

/**
 * Team management, the part every auth provider shares: the shapes of invitations and members, the
 * validation of what a person types, and who may do what to whom. Pure: the server actions enforce
 * these rules and the members page uses the same ones to explain a disabled control.
 */

export type TeamInvitation = { id: string; orgId: string; email: string; role: OrgRole; createdAt: number };
export type TeamMember = { userId: string; role: OrgRole };

export const INVITATION_EMAIL_MAX_LENGTH = 254;

export const teamEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(INVITATION_EMAIL_MAX_LENGTH)
  .pipe(z.email());
export const teamRole = z.enum(ORG_ROLES);

/** What a person may attempt; each carries what the rule needs to know about its target. */
export type TeamAction =
  | { kind: "invite"; role: OrgRole }
  | { kind: "resend" }
  | { kind: "revoke" }
  | { kind: "setRole"; targetRole: OrgRole; role: OrgRole }
  | { kind: "remove"; targetRole: OrgRole };

/** Why a team action is refused, as a code and a reason the UI can show next to the control. */
export type TeamRefusal = { code: ErrorCode; reason: "not_admin" | "owner_only" | "last_owner" };

type TeamContext = {
  /** The actor's role in the organization; null when she is not (or no longer) a member. */
  actorRole: OrgRole | null;
  /** How many owners the organization has right now. */
  ownerCount: number;
};

function touchesOwner(action: TeamAction): boolean {
  switch (action.kind) {
    case "invite":
      return action.role === "owner";
    case "setRole":
      return action.targetRole === "owner" || action.role === "owner";
    case "remove":
      return action.targetRole === "owner";
    default:
      return false;
  }
}

function removesAnOwner(action: TeamAction): boolean {
  if (action.kind === "remove") return action.targetRole === "owner";
  return action.kind === "setRole" && action.targetRole === "owner" && action.role !== "owner";
}

/**
 * Owners and admins manage the team; only owners make or unmake owners; the organization always
 * keeps one owner. Null means allowed.
 */
export function teamRefusal(context: TeamContext, action: TeamAction): TeamRefusal | null {
  const { actorRole, ownerCount } = context;
  if (actorRole === null || actorRole === "member") return { code: "FORBIDDEN", reason: "not_admin" };
  if (touchesOwner(action) && actorRole !== "owner") return { code: "FORBIDDEN", reason: "owner_only" };
  if (removesAnOwner(action) && ownerCount <= 1) return { code: "CONFLICT", reason: "last_owner" };
  return null;
}

export const TEAM_REFUSAL_MESSAGES: Record<TeamRefusal["reason"], string> = {
  not_admin: "Only owners and admins can manage the team.",
  owner_only: "Only owners can make or change owners.",
  last_owner: "The organization needs at least one owner.",
};

export function ownerCountOf(members: readonly TeamMember[]): number {
  return members.filter((member) => member.role === "owner").length;
}

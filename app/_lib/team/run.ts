import "server-only";
import { fetchMutation } from "convex/nextjs";
import type { FunctionArgs } from "convex/server";
import { z } from "zod";
import { getConvexToken, getServerSession } from "@/app/_lib/auth/server";
import { teamAdmin, type TeamAdmin } from "@/app/_lib/auth/team";
import { readRuntimeConfig } from "@/app/_lib/runtime-config";
import { api } from "@/convex/_generated/api";
import type { OrgRole } from "@/lib/auth/claims";
import { ownerCountOf, TEAM_REFUSAL_MESSAGES, teamRefusal, type TeamAction, type TeamMember } from "@/lib/auth/team";
import { isErrorCode, toAppErrorData, type ErrorCode } from "@/lib/errors";

/** What every team server action answers; the message is safe to show, the code picks the translation. */
export type TeamResult<T = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message: string };

/** The team changes Convex audits: exactly what `recordTeamChange` accepts (`TEAM_CHANGE_ACTIONS`). */
export type TeamAuditAction = FunctionArgs<typeof api.organizations.recordTeamChange>["action"];

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The acting person, checked: signed in, acting in the URL's organization, and known to the provider. */
export type TeamCaller = {
  orgId: string;
  actorId: string;
  actorRole: OrgRole | null;
  members: TeamMember[];
  team: TeamAdmin;
  /** Taken before any change: a caller who demotes herself still audits as who she was. */
  convexToken: string | null;
};

async function callerX(orgId: string): Promise<TeamCaller> {
  const session = await getServerSession();
  if (session === null) throw new Refusal("UNAUTHENTICATED", "You are not signed in.");
  if (session.orgId !== orgId) throw new Refusal("ORG_MISMATCH", "Switch to this organization first.");
  const team = teamAdmin();
  if (team === null) throw new Refusal("INTERNAL_ERROR", "Sign-in is not configured.");
  // The provider's list, not the session's role: a role changed a moment ago counts at once.
  const members = await team.listMembers(orgId);
  const actorRole = members.find((member) => member.userId === session.userId)?.role ?? null;
  return { orgId, actorId: session.userId, actorRole, members, team, convexToken: await getConvexToken() };
}

/** Refuses with the rule's code unless the caller may take `action`. */
export function allowX(caller: TeamCaller, action: TeamAction): void {
  const refusal = teamRefusal({ actorRole: caller.actorRole, ownerCount: ownerCountOf(caller.members) }, action);
  if (refusal !== null) throw new Refusal(refusal.code, TEAM_REFUSAL_MESSAGES[refusal.reason]);
}

export function memberX(caller: TeamCaller, userId: string): TeamMember {
  const member = caller.members.find((m) => m.userId === userId);
  if (!member) throw new Refusal("NOT_FOUND", "This person is not a member of the organization.");
  return member;
}

/**
 * Before an invitation is sent or resent: Convex charges the admin's and the org's invitation
 * buckets (organizations.claimInviteQuota) and refuses with RATE_LIMITED when either is empty, so
 * the provider is never asked. Fails closed: without Convex no invitation goes out.
 */
export async function claimInviteQuotaX(caller: TeamCaller): Promise<void> {
  const config = readRuntimeConfig();
  if (!config.ready || caller.convexToken === null) throw new Refusal("INTERNAL_ERROR", "Invitations are unavailable: Convex is not configured.");
  await fetchMutation(api.organizations.claimInviteQuota, { orgId: caller.orgId }, { token: caller.convexToken, url: config.convexUrl });
}

/**
 * Bookkeeping in Convex that must never undo or block the provider's change: without Convex, or
 * when the mutation fails, it is logged (`what` says what was lost) and the action goes on.
 */
async function bestEffort(caller: TeamCaller, what: string, call: (token: string, url: string) => Promise<unknown>): Promise<void> {
  const config = readRuntimeConfig();
  if (!config.ready || caller.convexToken === null) {
    console.error(`[team] ${what}: Convex is not configured.`);
    return;
  }
  try {
    await call(caller.convexToken, config.convexUrl);
  } catch (error) {
    console.error(`[team] ${what}: ${toAppErrorData(error).message}`);
  }
}

/** The change is made; the audit entry names the caller. A failed audit is logged, not undone. */
export function audit(caller: TeamCaller, action: TeamAuditAction, target: string): Promise<void> {
  return bestEffort(caller, `${action} on ${target} could not be audited`, (token, url) =>
    fetchMutation(api.organizations.recordTeamChange, { orgId: caller.orgId, action, target }, { token, url }),
  );
}

/**
 * Before the provider renames the organization: Convex keeps who asked for which name, and audits
 * the provider's webhook that brings it as this caller's rename. Failing only costs the attribution.
 */
export function announceRename(caller: TeamCaller, name: string): Promise<void> {
  return bestEffort(caller, `the rename of ${caller.orgId} could not be announced`, (token, url) =>
    fetchMutation(api.organizations.expectRename, { orgId: caller.orgId, name }, { token, url }),
  );
}

function failure(error: unknown): { ok: false; code: ErrorCode; message: string } {
  if (error instanceof z.ZodError) return { ok: false, code: "INVALID_ARGUMENT", message: "Some of the information sent was not valid." };
  const coded = error as { code?: unknown; message?: unknown } | null;
  if (isErrorCode(coded?.code)) return { ok: false, code: coded.code, message: String(coded.message ?? coded.code) };
  const data = toAppErrorData(error);
  if (data.code === "INTERNAL_ERROR") console.error("[team] unexpected failure", error);
  return { ok: false, ...data };
}

/**
 * One team server action: validates the input, resolves the caller, runs `work`; every refusal
 * becomes `{ ok: false, code, message }` (server actions must not throw to the browser).
 */
export async function runTeamAction<S extends z.ZodType<{ orgId: string }>, T extends object>(
  schema: S,
  input: unknown,
  work: (caller: TeamCaller, args: z.infer<S>) => Promise<T>,
): Promise<TeamResult<T>> {
  try {
    const args = schema.parse(input);
    const caller = await callerX(args.orgId);
    return { ok: true, ...(await work(caller, args)) };
  } catch (error) {
    return failure(error);
  }
}

import { normalizeRole, roleAtLeast, type OrgClaims, type OrgRole } from "./claims";
import type { Session } from "./types";

/**
 * The tenant guard's decision, made in one place: the Convex guard (from token claims) and the
 * Next.js side (from the server session) both call `guardVerdict`, so they refuse with the same
 * codes and the same user-facing messages. Pure.
 */

export type GuardCode = "UNAUTHENTICATED" | "ORG_REQUIRED" | "ORG_MISMATCH" | "FORBIDDEN";

/** Who is calling: null when nobody is signed in; `org` null when no organization is active. */
export type GuardCaller = { org: OrgClaims | null } | null;

export type GuardVerdict = { ok: true; claims: OrgClaims } | { ok: false; code: GuardCode; message: string };

/** The sentence a refusal carries; FORBIDDEN names the role that was needed. */
export function guardMessage(code: GuardCode, required: OrgRole = "member"): string {
  switch (code) {
    case "UNAUTHENTICATED":
      return "Sign in to continue.";
    case "ORG_REQUIRED":
      return "Choose or create an organization first.";
    case "ORG_MISMATCH":
      return "Your active organization differs from the one you asked for.";
    case "FORBIDDEN":
      return `This needs the ${required} role.`;
  }
}

function refuse(code: GuardCode, required: OrgRole): GuardVerdict {
  return { ok: false, code, message: guardMessage(code, required) };
}

/** Signed in, acting in the organization the URL names, with at least the `required` role. */
export function guardVerdict(caller: GuardCaller, urlOrgId: string, required: OrgRole = "member"): GuardVerdict {
  if (caller === null) return refuse("UNAUTHENTICATED", required);
  const claims = caller.org;
  if (claims === null) return refuse("ORG_REQUIRED", required);
  if (claims.orgId !== urlOrgId) return refuse("ORG_MISMATCH", required);
  if (!roleAtLeast(claims.role, required)) return refuse("FORBIDDEN", required);
  return { ok: true, claims };
}

/** The caller a server session stands for (the session's role is already normalized). */
export function sessionCaller(session: Session | null): GuardCaller {
  if (session === null) return null;
  if (session.orgId === null) return { org: null };
  return { org: { orgId: session.orgId, role: session.orgRole ?? normalizeRole(null), slug: session.orgSlug } };
}

export type OrgAccess = "ok" | GuardCode;

/**
 * The verdict before rendering any org page. Pages need only membership (role-gated parts are
 * refused by the Convex guard per query), so with the default role this is never FORBIDDEN.
 */
export function checkOrgAccess(session: Session | null, urlOrgId: string): OrgAccess {
  const verdict = guardVerdict(sessionCaller(session), urlOrgId);
  return verdict.ok ? "ok" : verdict.code;
}

/**
 * Reads the active organization out of verified token claims. Pure: shared by the Convex guard,
 * the Next.js server checks and the local issuer, so every layer agrees on what a token means.
 */

export const ORG_ROLES = ["member", "admin", "owner"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export type OrgClaims = { orgId: string; role: OrgRole; slug: string | null };

type Claims = Record<string, unknown>;

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Clerk session token v2 nests the org under `o`; some pipelines flatten it to `"o.id"`. */
function sessionTokenV2(claims: Claims): { id: unknown; rol: unknown; slg: unknown } {
  const nested = claims.o;
  if (typeof nested === "object" && nested !== null) {
    const o = nested as Record<string, unknown>;
    return { id: o.id, rol: o.rol, slg: o.slg };
  }
  return { id: claims["o.id"], rol: claims["o.rol"], slg: claims["o.slg"] };
}

/** `org:owner`/`owner` → owner, `org:admin`/`admin` → admin, anything else (or nothing) → member. */
export function normalizeRole(raw: unknown): OrgRole {
  const name = typeof raw === "string" ? raw.replace(/^org:/, "") : "";
  return name === "owner" || name === "admin" ? name : "member";
}

export function roleAtLeast(role: OrgRole, required: OrgRole): boolean {
  return ORG_ROLES.indexOf(role) >= ORG_ROLES.indexOf(required);
}

/** The org the session is acting in, from template claims or session-token v2; null when none. */
export function readOrgClaims(claims: Claims): OrgClaims | null {
  const v2 = sessionTokenV2(claims);
  const orgId = nonEmptyString(claims.org_id) ?? nonEmptyString(v2.id);
  if (orgId === null) return null;
  const fromTemplate = nonEmptyString(claims.org_id) !== null;
  return {
    orgId,
    role: normalizeRole(fromTemplate ? claims.org_role : v2.rol),
    slug: nonEmptyString(fromTemplate ? claims.org_slug : v2.slg),
  };
}

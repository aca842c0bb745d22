import type { Session } from "./types";

export type OrgAccess = "ok" | "UNAUTHENTICATED" | "ORG_REQUIRED" | "ORG_MISMATCH";

/** The same verdict the Convex guard reaches, made before rendering any org page. Pure. */
export function checkOrgAccess(session: Session | null, urlOrgId: string): OrgAccess {
  if (session === null) return "UNAUTHENTICATED";
  if (session.orgId === null) return "ORG_REQUIRED";
  if (session.orgId !== urlOrgId) return "ORG_MISMATCH";
  return "ok";
}

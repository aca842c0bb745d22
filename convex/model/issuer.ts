import { LOCAL_CLERK_INSTANCE_ID } from "../../lib/clerk/events";
import type { Doc } from "../_generated/dataModel";

/**
 * Which token issuer an organization belongs to. A deployment may trust both Clerk and the local
 * development issuer (convex/auth.config.ts); org ids are only unique within one issuer, so a token
 * from one must never act in an organization the other one created.
 */

/** Issuer URLs compare without trailing slashes (`iss` and the configured domain may differ there). */
export function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, "");
}

/**
 * True when the org was recorded as another issuer's. Organizations created before the binding
 * existed carry no issuer and are not bound on first use: the first caller could be the wrong one.
 */
export function ownedByAnotherIssuer(org: Pick<Doc<"organizations">, "issuer">, tokenIssuer: string): boolean {
  return org.issuer !== undefined && org.issuer !== normalizeIssuer(tokenIssuer);
}

/**
 * The issuer whose organizations a verified Clerk-style event describes: the local issuer's own
 * instance id, or else Clerk. Undefined when that issuer is not configured on this deployment.
 */
export function issuerOfEvent(
  instanceId: unknown,
  env: { CLERK_JWT_ISSUER_DOMAIN?: string; LOCAL_AUTH_ISSUER?: string },
): string | undefined {
  const configured = instanceId === LOCAL_CLERK_INSTANCE_ID ? env.LOCAL_AUTH_ISSUER : env.CLERK_JWT_ISSUER_DOMAIN;
  return configured ? normalizeIssuer(configured) : undefined;
}

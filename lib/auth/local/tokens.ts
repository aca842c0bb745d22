import { jwtVerify, SignJWT, type JWTPayload } from "jose";
import {
  CONVEX_AUDIENCE,
  CONVEX_TOKEN_TTL_SECONDS,
  localIssuer,
  SESSION_AUDIENCE,
  SESSION_TTL_SECONDS,
} from "./config";
import { SIGNING_ALG, signingKey } from "./keys";
import type { LocalOrgView, LocalUser } from "./model";

/** Who a token speaks for: the user and, when one is active, the organization and the role there. */
export type TokenSubject = { user: LocalUser; org: LocalOrgView | null };

export type IssuedToken = { token: string; expiresAt: number };

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The claims of Clerk's `convex` JWT template (without the registered ones jose adds), so Convex,
 * the guard and `viewer.provision` read a local token exactly like a Clerk one.
 */
export function convexTemplateClaims({ user, org }: TokenSubject): JWTPayload {
  const claims: JWTPayload = { email: user.email, name: user.name };
  if (org === null) return claims;
  return { ...claims, org_id: org.id, org_role: `org:${org.role}`, org_slug: org.slug, org_name: org.name };
}

async function sign(payload: JWTPayload, subject: string, audience: string, issuedAt: number, ttl: number) {
  const { kid, privateKey } = await signingKey();
  const expiresAt = issuedAt + ttl;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: "JWT" })
    .setIssuer(localIssuer())
    .setAudience(audience)
    .setSubject(subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(privateKey);
  return { token, expiresAt };
}

/** A short-lived token Convex accepts: `sub`, `iss`, `aud: "convex"`, `iat`, `exp` plus the template claims. */
export function issueConvexToken(subject: TokenSubject, issuedAt = nowInSeconds()): Promise<IssuedToken> {
  return sign(convexTemplateClaims(subject), subject.user.id, CONVEX_AUDIENCE, issuedAt, CONVEX_TOKEN_TTL_SECONDS);
}

/** What the session cookie holds; the role is looked up on every request, never trusted from it. */
export type SessionCookie = { userId: string; orgId: string | null };

export async function sealSession(session: SessionCookie, issuedAt = nowInSeconds()): Promise<string> {
  const { token } = await sign({ org: session.orgId }, session.userId, SESSION_AUDIENCE, issuedAt, SESSION_TTL_SECONDS);
  return token;
}

/** The session a cookie value carries, or null when it is missing, tampered with, expired or foreign. */
export async function unsealSession(value: string | undefined): Promise<SessionCookie | null> {
  if (!value) return null;
  try {
    const { publicKey } = await signingKey();
    const { payload } = await jwtVerify(value, publicKey, {
      algorithms: [SIGNING_ALG],
      issuer: localIssuer(),
      audience: SESSION_AUDIENCE,
      requiredClaims: ["sub", "exp"],
    });
    const orgId = typeof payload.org === "string" && payload.org !== "" ? payload.org : null;
    return payload.sub ? { userId: payload.sub, orgId } : null;
  } catch {
    return null;
  }
}

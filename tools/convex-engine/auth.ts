/**
 * Verifies user tokens against the providers of convex/auth.config.ts with Convex's rules:
 * OIDC providers are matched on issuer (trailing slash ignored) and audience, their keys come
 * from OIDC discovery; custom JWT providers name their issuer, JWKS and algorithm directly.
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { identityFromClaims, type VerifiedIdentity } from "./identity";

export type AuthProvider = {
  type?: string;
  domain?: string;
  applicationID?: string;
  issuer?: string;
  jwks?: string;
  algorithm?: string;
};

export class AuthFailure extends Error {}

/** The local issuer is a Next.js dev route: its first answer may wait for a compile. */
const REMOTE_JWKS_OPTIONS = { timeoutDuration: 30_000, cooldownDuration: 1_000 };

const trimSlash = (value: string) => value.replace(/\/+$/, "");

function audiences(claims: JWTPayload): string[] {
  if (Array.isArray(claims.aud)) return claims.aud;
  return typeof claims.aud === "string" ? [claims.aud] : [];
}

function describe(providers: AuthProvider[]): string {
  if (providers.length === 0) return "no providers are configured in convex/auth.config.ts";
  return providers
    .map((p) => (p.type === "customJwt" ? `customJwt ${p.issuer}` : `${p.domain} (applicationID ${p.applicationID})`))
    .join(", ");
}

export class TokenVerifier {
  /** JWKS per issuer or JWKS URL, so discovery runs once; a failed fetch is retried next time. */
  private readonly keySets = new Map<string, Promise<JWTVerifyGetKey>>();

  constructor(private readonly providers: AuthProvider[]) {}

  async verify(token: string): Promise<VerifiedIdentity> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new AuthFailure("Could not parse the auth token as a JWT.");
    }
    const iss = unverified.iss ?? "";
    const aud = audiences(unverified);
    const provider = this.providers.find((p) =>
      p.type === "customJwt"
        ? p.issuer === iss && (p.applicationID === undefined || aud.includes(p.applicationID))
        : p.domain !== undefined && trimSlash(p.domain) === trimSlash(iss) && p.applicationID !== undefined && aud.includes(p.applicationID),
    );
    if (provider === undefined) {
      throw new AuthFailure(
        `No auth provider found matching the given token (issuer "${iss}", audience ${JSON.stringify(aud)}); configured: ${describe(this.providers)}.`,
      );
    }
    try {
      const payload = await this.verifySignature(token, provider, iss);
      return { identity: identityFromClaims(payload), expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : null };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthFailure("Token expired.");
      if (error instanceof AuthFailure) throw error;
      throw new AuthFailure(`Could not verify the auth token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A local issuer may come back with new keys: an unknown key or a bad signature refetches them once. */
  private async verifySignature(token: string, provider: AuthProvider, iss: string): Promise<JWTPayload> {
    const options = {
      issuer: iss,
      audience: provider.applicationID,
      algorithms: provider.type === "customJwt" && provider.algorithm ? [provider.algorithm] : undefined,
      requiredClaims: ["sub", "exp"],
    };
    try {
      return (await jwtVerify(token, await this.keysFor(provider, iss), options)).payload;
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed)) throw error;
      this.keySets.delete(this.cacheKey(provider, iss));
      return (await jwtVerify(token, await this.keysFor(provider, iss), options)).payload;
    }
  }

  private cacheKey(provider: AuthProvider, iss: string): string {
    return provider.type === "customJwt" ? `jwks:${provider.jwks}` : `oidc:${trimSlash(iss)}`;
  }

  private keysFor(provider: AuthProvider, iss: string): Promise<JWTVerifyGetKey> {
    const cacheKey = this.cacheKey(provider, iss);
    let keys = this.keySets.get(cacheKey);
    if (keys === undefined) {
      keys = provider.type === "customJwt" ? customJwtKeys(provider) : discoverKeys(trimSlash(iss));
      keys.catch(() => this.keySets.delete(cacheKey));
      this.keySets.set(cacheKey, keys);
    }
    return keys;
  }
}

async function discoverKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(REMOTE_JWKS_OPTIONS.timeoutDuration) });
  if (!response.ok) throw new AuthFailure(`OIDC discovery for ${issuer} answered ${response.status}.`);
  const metadata = (await response.json()) as { issuer?: string; jwks_uri?: string };
  if (metadata.issuer !== undefined && trimSlash(metadata.issuer) !== issuer) {
    throw new AuthFailure(`OIDC discovery for ${issuer} names another issuer (${metadata.issuer}).`);
  }
  if (!metadata.jwks_uri) throw new AuthFailure(`OIDC discovery for ${issuer} has no jwks_uri.`);
  return createRemoteJWKSet(new URL(metadata.jwks_uri), REMOTE_JWKS_OPTIONS);
}

async function customJwtKeys(provider: AuthProvider): Promise<JWTVerifyGetKey> {
  const jwks = provider.jwks ?? "";
  if (jwks.startsWith("data:")) {
    const body = decodeURIComponent(jwks.slice(jwks.indexOf(",") + 1));
    const json = jwks.slice(0, jwks.indexOf(",")).endsWith(";base64") ? Buffer.from(body, "base64").toString("utf8") : body;
    return createLocalJWKSet(JSON.parse(json));
  }
  return createRemoteJWKSet(new URL(jwks), REMOTE_JWKS_OPTIONS);
}

/** The providers of convex/auth.config.ts (its default export), or none when there is no such file. */
export function providersFrom(authConfig: Record<string, unknown> | null): AuthProvider[] {
  const config = authConfig?.default as { providers?: AuthProvider[] } | undefined;
  return config?.providers ?? [];
}

/**
 * Settings of the local development issuer. Every value has a default, so `AUTH_PROVIDER=local`
 * alone is enough to sign in offline. Read at call time (tests point the data dir at a temp folder).
 */
import path from "node:path";
import { CLERK_WEBHOOK_SECRET_ENV, CONVEX_SITE_URL_ENV, LOCAL_AUTH_DATA_DIR_ENV, LOCAL_AUTH_ISSUER_ENV } from "./env";

export const DEFAULT_LOCAL_AUTH_ISSUER = "http://localhost:3000/api/local-auth";
export const DEFAULT_LOCAL_AUTH_DATA_DIR = ".data/local-auth";

/** Audience Convex expects (`applicationID: "convex"` in convex/auth.config.ts). */
export const CONVEX_AUDIENCE = "convex";
/** Short, like Clerk's template tokens: the client fetches a new one shortly before expiry. */
export const CONVEX_TOKEN_TTL_SECONDS = 5 * 60;

export const SESSION_COOKIE = "spindesk_local_session";
/** A different audience than Convex tokens, so a cookie can never be replayed to Convex and vice versa. */
export const SESSION_AUDIENCE = "spindesk:local-session";
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

/** The issuer URL put in `iss`; must equal the deployment's `LOCAL_AUTH_ISSUER` exactly (no trailing slash). */
export function localIssuer(): string {
  return (env(LOCAL_AUTH_ISSUER_ENV) ?? DEFAULT_LOCAL_AUTH_ISSUER).replace(/\/+$/, "");
}

export function localDataDir(): string {
  // Chosen at run time, outside the build output: the bundler must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env(LOCAL_AUTH_DATA_DIR_ENV) ?? DEFAULT_LOCAL_AUTH_DATA_DIR);
}

/** Where `createOrganization` pushes Clerk-shaped webhooks; null unless both settings are present. */
export function clerkWebhookTarget(): { siteUrl: string; secret: string } | null {
  const siteUrl = env(CONVEX_SITE_URL_ENV);
  const secret = env(CLERK_WEBHOOK_SECRET_ENV);
  return siteUrl && secret ? { siteUrl, secret } : null;
}

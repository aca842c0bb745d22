import { CLERK_REQUIRED_ENV } from "./clerk/env";
import { LOCAL_REQUIRED_ENV } from "./local/env";
import { parseAuthProvider, type AuthProviderName } from "./provider";

/** Variables each implementation cannot run without (names only; values never leave the server). */
const REQUIRED_ENV = {
  clerk: CLERK_REQUIRED_ENV,
  local: LOCAL_REQUIRED_ENV,
} satisfies Record<AuthProviderName, readonly string[]>;

type Env = Record<string, string | undefined>;

export type AuthSetup = {
  provider: AuthProviderName | null;
  /** Names of variables that are missing or invalid; empty when auth can run. */
  problems: string[];
};

function present(env: Env, name: string): boolean {
  return (env[name]?.trim() ?? "") !== "";
}

/** The one opt-in that lets the passwordless local issuer run in a production build (the browser tests). */
export const LOCAL_AUTH_PRODUCTION_OPT_IN = "LOCAL_AUTH_ALLOW_PRODUCTION";

/** The local issuer signs anyone in without a password: a production server refuses it unless opted in. */
function localAuthRefused(env: Env, provider: AuthProviderName): boolean {
  return provider === "local" && env.NODE_ENV === "production" && env[LOCAL_AUTH_PRODUCTION_OPT_IN]?.trim() !== "1";
}

/** Pure check of an environment: which provider it selects and what it lacks. */
export function checkAuthSetup(env: Env): AuthSetup {
  const provider = parseAuthProvider(env.AUTH_PROVIDER);
  if (provider === null) return { provider, problems: ["AUTH_PROVIDER"] };
  const missing = REQUIRED_ENV[provider].filter((name) => !present(env, name));
  return { provider, problems: localAuthRefused(env, provider) ? [...missing, LOCAL_AUTH_PRODUCTION_OPT_IN] : missing };
}

/**
 * Reads a variable at run time. Going through a computed name keeps Next.js from freezing
 * NEXT_PUBLIC_* values at build time, so one build runs in any environment.
 */
export function readEnv(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

export function authSetup(): AuthSetup {
  return checkAuthSetup(process.env);
}

/** The provider to use for this request, or null when auth is not configured. */
export function configuredAuthProvider(): AuthProviderName | null {
  const { provider, problems } = authSetup();
  return problems.length === 0 ? provider : null;
}

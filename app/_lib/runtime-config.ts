import "server-only";
import { authSetup } from "@/app/_lib/auth/server";
import type { AuthProviderName } from "@/lib/auth/provider";

export const CONVEX_URL_ENV = "NEXT_PUBLIC_CONVEX_URL";

export type RuntimeConfig =
  { ready: true; provider: AuthProviderName; convexUrl: string } | { ready: false; problems: string[] };

/**
 * Read per request, not at build time: a build made without any environment runs wherever it is
 * deployed, and an unconfigured deployment explains itself instead of crashing.
 */
export function readRuntimeConfig(): RuntimeConfig {
  const auth = authSetup();
  const convexUrl = process.env[CONVEX_URL_ENV]?.trim() ?? "";
  const problems = [...auth.problems];
  if (!/^https?:\/\/\S+$/.test(convexUrl)) problems.push(CONVEX_URL_ENV);
  if (auth.provider === null || problems.length > 0) return { ready: false, problems };
  return { ready: true, provider: auth.provider, convexUrl };
}

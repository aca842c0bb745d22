import "server-only";
import type { AuthProviderName } from "@/lib/auth/provider";
import { configuredAuthProvider } from "@/lib/auth/setup";
import type { Session } from "@/lib/auth/types";
import { clerkServerAuth } from "./clerk/server";
import { localServerAuth } from "./local/server";
import type { ServerAuth } from "./types";

const SERVER_AUTH = {
  clerk: clerkServerAuth,
  local: localServerAuth,
} satisfies Record<AuthProviderName, ServerAuth>;

/** The signed-in session of this request; null when signed out or when auth is not configured. */
export async function getServerSession(): Promise<Session | null> {
  const provider = configuredAuthProvider();
  return provider === null ? null : SERVER_AUTH[provider].getSession();
}

/** A token for calling Convex from the server on behalf of the signed-in user. */
export async function getConvexToken(): Promise<string | null> {
  const provider = configuredAuthProvider();
  return provider === null ? null : SERVER_AUTH[provider].getConvexToken();
}

/** Whether the signed-in user belongs to `orgId`; false when signed out or auth is not configured. */
export async function isMemberOf(orgId: string): Promise<boolean> {
  const provider = configuredAuthProvider();
  return provider === null ? false : SERVER_AUTH[provider].isMemberOf(orgId);
}

export { authSetup, configuredAuthProvider } from "@/lib/auth/setup";
export type { Session } from "@/lib/auth/types";

import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import type { AuthProviderName } from "@/lib/auth/provider";
import { configuredAuthProvider } from "@/lib/auth/setup";
import { clerkProxy } from "./clerk/proxy";
import { localProxy } from "./local/proxy";

const PROXIES = {
  clerk: clerkProxy,
  local: localProxy,
} satisfies Record<AuthProviderName, NextMiddleware>;

/**
 * The request hook of the configured implementation. Unconfigured deployments pass through so the
 * root layout can explain what is missing instead of the provider SDK throwing on every request.
 */
export function authProxy(request: NextRequest, event: NextFetchEvent) {
  const provider = configuredAuthProvider();
  if (provider === null) return NextResponse.next();
  return PROXIES[provider](request, event);
}

import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/auth/local/config";
import { readSession, sessionOf, type LocalSessionState } from "@/lib/auth/local/session";
import { issueConvexToken } from "@/lib/auth/local/tokens";
import type { ServerAuth } from "../types";

/** The verified session of this request (the proxy already applied organization sync to the cookie). */
export async function currentLocalSession(): Promise<LocalSessionState | null> {
  const cookieStore = await cookies();
  return readSession(cookieStore.get(SESSION_COOKIE)?.value);
}

export const localServerAuth: ServerAuth = {
  async getSession() {
    const state = await currentLocalSession();
    return state === null ? null : sessionOf(state);
  },
  async getConvexToken() {
    const state = await currentLocalSession();
    if (state === null) return null;
    return (await issueConvexToken({ user: state.user, org: state.activeOrg })).token;
  },
  async isMemberOf(orgId) {
    const state = await currentLocalSession();
    return state !== null && state.orgs.some((org) => org.id === orgId);
  },
};

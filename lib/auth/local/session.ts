import type { Session } from "../types";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "./config";
import { readDirectory } from "./directory";
import { findUser, orgsOf, userView, type LocalDirectory, type LocalOrgView, type LocalUser, type LocalViewer } from "./model";
import { sealSession, unsealSession, type SessionCookie } from "./tokens";

/** A verified session checked against the directory: the user exists and the active org is theirs. */
export type LocalSessionState = { user: LocalUser; orgs: LocalOrgView[]; activeOrg: LocalOrgView | null };

export function resolveSession(cookie: SessionCookie | null, directory: LocalDirectory): LocalSessionState | null {
  if (cookie === null) return null;
  const user = findUser(directory, cookie.userId);
  if (user === null) return null;
  const orgs = orgsOf(directory, user.id);
  return { user, orgs, activeOrg: orgs.find((org) => org.id === cookie.orgId) ?? null };
}

/** The session a cookie value stands for right now, or null. */
export async function readSession(cookieValue: string | undefined): Promise<LocalSessionState | null> {
  const cookie = await unsealSession(cookieValue);
  return cookie === null ? null : resolveSession(cookie, await readDirectory());
}

export function sessionOf(state: LocalSessionState): Session {
  const org = state.activeOrg;
  return { userId: state.user.id, orgId: org?.id ?? null, orgRole: org?.role ?? null, orgSlug: org?.slug ?? null };
}

export function viewerOf(state: LocalSessionState): LocalViewer {
  return { user: userView(state.user), orgs: state.orgs, activeOrgId: state.activeOrg?.id ?? null };
}

/** The same state with another active organization (already checked to be one of the user's). */
export function withActiveOrg(state: LocalSessionState, orgId: string | null): LocalSessionState {
  return { ...state, activeOrg: state.orgs.find((org) => org.id === orgId) ?? null };
}

export type SessionCookieWrite = { name: string; value: string; options: CookieOptions };
type CookieOptions = { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; maxAge: number };

function cookieOptions(secure: boolean, maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge };
}

/** The cookie that keeps `state` signed in (signed with the issuer key, HTTP only, SameSite=Lax). */
export async function sessionCookie(state: LocalSessionState, secure: boolean): Promise<SessionCookieWrite> {
  const value = await sealSession({ userId: state.user.id, orgId: state.activeOrg?.id ?? null });
  return { name: SESSION_COOKIE, value, options: cookieOptions(secure, SESSION_TTL_SECONDS) };
}

export function clearedSessionCookie(secure: boolean): SessionCookieWrite {
  return { name: SESSION_COOKIE, value: "", options: cookieOptions(secure, 0) };
}

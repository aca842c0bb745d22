import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/local/config";
import { orgToActivate } from "@/lib/auth/local/org-sync";
import { clearedSessionCookie, readSession, sessionCookie, withActiveOrg } from "@/lib/auth/local/session";
import { isProtectedPath, signInPath } from "@/lib/auth/routes";

/**
 * Signed-out visitors of org pages and /select-org go to the local sign-in and come back after it;
 * visiting `/org/<id>/...` makes `<id>` the active organization when the user belongs to it.
 */
export async function localProxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!isProtectedPath(pathname)) return NextResponse.next();
  const secure = request.nextUrl.protocol === "https:";
  const state = await readSession(request.cookies.get(SESSION_COOKIE)?.value);
  if (state === null) {
    const response = NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
    if (request.cookies.has(SESSION_COOKIE)) {
      const cleared = clearedSessionCookie(secure);
      response.cookies.set(cleared.name, cleared.value, cleared.options);
    }
    return response;
  }
  const orgId = orgToActivate(pathname, state.activeOrg?.id ?? null, state.orgs.map((org) => org.id));
  if (orgId === null) return NextResponse.next();
  const cookie = await sessionCookie(withActiveOrg(state, orgId), secure);
  // The pages rendered for this very request must already see the new active organization.
  request.cookies.set(cookie.name, cookie.value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

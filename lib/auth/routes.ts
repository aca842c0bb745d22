/** Paths every auth implementation agrees on. Pure. */
export const SIGN_IN_PATH = "/sign-in";
export const SIGN_UP_PATH = "/sign-up";
export const SELECT_ORG_PATH = "/select-org";
/** Where a fresh sign-in lands; the home page forwards to the active organization. */
export const AFTER_SIGN_IN_PATH = "/";

/** Under an organization: where a newly created one lands (its first-run checklist). */
export const ONBOARDING_SUBPATH = "/onboarding";

export function orgPath(orgId: string, subpath = ""): string {
  return `/org/${encodeURIComponent(orgId)}${subpath}`;
}

/** Sign-in URL that comes back to `returnTo` (a same-site path) afterwards. */
export function signInPath(returnTo?: string): string {
  if (!returnTo || !returnTo.startsWith("/") || returnTo.startsWith("//")) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?redirect_url=${encodeURIComponent(returnTo)}`;
}

/** Pages that need a signed-in user: every org page and the organization picker. */
export function isProtectedPath(pathname: string): boolean {
  return /^\/(org|select-org)(\/|$)/.test(pathname);
}

/**
 * A full page load rather than a client navigation: after signing in or out the whole app, its
 * Convex client and every cached query start over from the new session.
 */
export function loadPage(path: string): void {
  window.location.assign(path);
}

/**
 * Which auth implementation runs, from `AUTH_PROVIDER` (default `clerk`; `local` is the offline
 * development issuer). This is the single decision; each facet (server, root, client, proxy) keys
 * its implementations by this name, and `satisfies Record<AuthProviderName, ...>` makes adding a
 * provider here fail to compile until every facet has one.
 */
export const AUTH_PROVIDERS = ["clerk", "local"] as const;
export type AuthProviderName = (typeof AUTH_PROVIDERS)[number];
export const DEFAULT_AUTH_PROVIDER: AuthProviderName = "clerk";

/** The provider a raw `AUTH_PROVIDER` value names; unset means the default, unknown means null. */
export function parseAuthProvider(value: string | undefined): AuthProviderName | null {
  const name = value?.trim().toLowerCase() ?? "";
  if (name === "") return DEFAULT_AUTH_PROVIDER;
  return (AUTH_PROVIDERS as readonly string[]).includes(name) ? (name as AuthProviderName) : null;
}

/**
 * Headers every page is served with. The Content-Security-Policy restricts what does not depend on
 * the auth provider (framing, `<base>`, plugins, form targets): Clerk's scripts, frames and API hosts
 * differ per instance, so script and connect sources are left to the provider's own defaults.
 */
export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
] as const;

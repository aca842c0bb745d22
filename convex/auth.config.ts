import type { AuthConfig } from "convex/server";
import { env } from "./_generated/server";

type Provider = AuthConfig["providers"][number];

// Clerk in production; the local development issuer only where a deployment opts in explicitly.
const providers: Provider[] = [];
if (env.CLERK_JWT_ISSUER_DOMAIN) {
  providers.push({ domain: env.CLERK_JWT_ISSUER_DOMAIN, applicationID: "convex" });
}
if (env.LOCAL_AUTH_ISSUER) {
  providers.push({ domain: env.LOCAL_AUTH_ISSUER, applicationID: "convex" });
}

export default { providers } satisfies AuthConfig;

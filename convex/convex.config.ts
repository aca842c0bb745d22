import { defineApp } from "convex/server";
import { v } from "convex/values";

// Declared so a deployment missing one fails at push time, and so functions read them typed.
const app = defineApp({
  env: {
    CLERK_WEBHOOK_SECRET: v.optional(v.string()),
    CLERK_JWT_ISSUER_DOMAIN: v.optional(v.string()),
    LOCAL_AUTH_ISSUER: v.optional(v.string()),
    NODE_ENV: v.optional(v.string()),
    // The WhatsApp gateway (Evolution API v2) every agent is an instance of.
    EVOLUTION_API_URL: v.optional(v.string()),
    EVOLUTION_API_KEY: v.optional(v.string()),
    // How many WhatsApp numbers one organization may connect (default 20).
    MAX_AGENTS_PER_ORG: v.optional(v.string()),
  },
});

export default app;

import { createEvolutionClient } from "../../lib/whatsapp/client";
import { GatewayError, WEBHOOK_EVENTS, type EvolutionClient, type WebhookTarget } from "../../lib/whatsapp/types";
import { env } from "../_generated/server";
import { fail } from "../lib/errors";

/** The Evolution API client for this deployment; refuses clearly when the gateway is not configured. */
export function gatewayFromEnv(): EvolutionClient {
  if (!env.EVOLUTION_API_URL || !env.EVOLUTION_API_KEY) {
    fail("INTERNAL_ERROR", "The WhatsApp gateway is not configured (EVOLUTION_API_URL, EVOLUTION_API_KEY).");
  }
  return createEvolutionClient({ baseUrl: env.EVOLUTION_API_URL, apiKey: env.EVOLUTION_API_KEY });
}

/**
 * Takes a number off the gateway for good: logs the phone out (so WhatsApp unlinks the device), then
 * deletes the instance. Safe to repeat: a closed instance logs out as a no-op and an instance the
 * gateway no longer knows is already retired. Used when an agent is removed and when its
 * organization is deleted.
 */
export async function retireInstance(gateway: EvolutionClient, instanceName: string): Promise<void> {
  try {
    await gateway.logout(instanceName);
  } catch (error) {
    if (error instanceof GatewayError && error.kind === "not_found") return;
    throw error;
  }
  await gateway.deleteInstance(instanceName);
}

/** Where Evolution delivers an agent's events, signed with the agent's own secret. */
export function webhookTargetFor(webhookSecret: string): WebhookTarget {
  const siteUrl = env.CONVEX_SITE_URL;
  if (!siteUrl) fail("INTERNAL_ERROR", "CONVEX_SITE_URL is not set on this deployment.");
  return { url: `${siteUrl.replace(/\/$/, "")}/webhooks/whatsapp`, jwtKey: webhookSecret, events: WEBHOOK_EVENTS };
}

/** Gateway failures become the app's closed error codes, with messages safe to show a person. */
export function failFromGateway(error: unknown): never {
  if (!(error instanceof GatewayError)) throw error;
  switch (error.kind) {
    case "not_found":
      fail("NOT_FOUND", "The WhatsApp instance no longer exists on the gateway.");
    case "conflict":
      fail("CONFLICT", "The WhatsApp gateway already has an instance with this name.");
    case "rejected":
      fail("INVALID_ARGUMENT", "The WhatsApp gateway refused the request.");
    default:
      fail("INTERNAL_ERROR", "The WhatsApp gateway is unavailable. Try again in a moment.");
  }
}

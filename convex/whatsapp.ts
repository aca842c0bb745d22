import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { AGENT_STATES } from "../lib/whatsapp/types";
import { toAppErrorData } from "../lib/errors";
import { verifyWebhookRequest } from "../lib/whatsapp/signatures";
import { parseWhatsAppEvent, readEnvelope } from "../lib/whatsapp/webhook-events";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { httpAction, internalOrgMutation, internalQuery } from "./lib/functions";
import { errorResponse, jsonResponse, payloadTooLarge, readRawBodyWithin } from "./lib/http";
import { applyWhatsAppChange, webhookAgent } from "./model/ingest";
import { deliveryValidator } from "./schema";

/** The states `connection.update` reports (an agent's "created" is ours alone). */
const connectionStateValidator = literals(...AGENT_STATES);

export const whatsAppChangeValidator = v.union(
  v.object({
    kind: v.literal("message"),
    externalId: v.string(),
    fromMe: v.boolean(),
    waJid: v.string(),
    waJidAlt: v.optional(v.string()),
    pushName: v.optional(v.string()),
    text: v.string(),
    sentAt: v.number(),
    delivery: deliveryValidator,
  }),
  v.object({
    kind: v.literal("connection"),
    state: connectionStateValidator,
    phoneNumber: v.optional(v.string()),
    statusReason: v.optional(v.number()),
  }),
  v.object({ kind: v.literal("qr"), qrCode: v.string() }),
  v.object({ kind: v.literal("qrLimit") }),
);

const outcomeValidator = v.union(
  v.literal("stored"),
  v.literal("duplicate"),
  v.literal("updated"),
  v.literal("unchanged"),
  v.literal("agent_gone"),
);

/** The current secret, plus the previous one while a rotation's grace period lasts. */
function acceptedSecrets(agent: Doc<"agents">, now: number): string[] {
  const previousValid = agent.previousWebhookSecret && (agent.previousSecretValidUntil ?? 0) > now;
  return previousValid ? [agent.webhookSecret, agent.previousWebhookSecret!] : [agent.webhookSecret];
}

async function verifiedByAny(headers: Headers, body: Uint8Array, secrets: string[]): Promise<boolean> {
  for (const secret of secrets) if (await verifyWebhookRequest(headers, body, secret)) return true;
  return false;
}

/** Global: webhook resolution through the `by_instanceName` index, before any org is known. */
export const agentForWebhook = internalQuery({
  args: { instanceName: v.string() },
  returns: v.union(
    v.null(),
    v.object({ orgId: v.id("organizations"), agentId: v.id("agents"), webhookSecrets: v.array(v.string()) }),
  ),
  handler: async (ctx, { instanceName }) => {
    const agent = await webhookAgent(ctx.db, instanceName);
    return agent && { orgId: agent.orgId, agentId: agent._id, webhookSecrets: acceptedSecrets(agent, Date.now()) };
  },
});

/**
 * Applies one authenticated change to the agent it was resolved to, in one transaction. A customer
 * message the bot should answer schedules its reply run: never awaited in the webhook's request.
 */
export const ingest = internalOrgMutation({
  args: { agentId: v.id("agents"), change: whatsAppChangeValidator },
  returns: outcomeValidator,
  handler: async (ctx, args) => {
    const { outcome, replyDue } = await applyWhatsAppChange(ctx.db, args);
    if (replyDue !== null) {
      await ctx.scheduler.runAt(replyDue.at, internal.bot.reply, { orgId: ctx.org._id, sessionId: replyDue.sessionId, attempt: 1 });
    }
    return outcome;
  },
});

// The same answer for an unknown and a deleted instance: the body never says which instances exist.
const unknownInstance = () => errorResponse("NOT_FOUND", "Not found.");
const malformed = (issues: string[]) =>
  errorResponse("INVALID_ARGUMENT", "The webhook payload is malformed.", { details: issues });

/**
 * POST /webhooks/whatsapp: an Evolution API v2 delivery for one agent, authenticated with that
 * agent's own secret (Bearer JWT or body signature). Refusals (413, 400, 404, 401) write nothing;
 * accepted deliveries answer 200 at once (the bot's reply, when there is one, is scheduled).
 */
export const webhook = httpAction(async (ctx, request) => {
  const raw = await readRawBodyWithin(request);
  if (raw === null) return payloadTooLarge();
  let payload: unknown;
  try {
    payload = JSON.parse(raw.text);
  } catch {
    return errorResponse("INVALID_ARGUMENT", "The webhook body is not valid JSON.");
  }
  const read = readEnvelope(payload);
  if (!read.ok) return malformed(read.issues);
  const agent = await ctx.runQuery(internal.whatsapp.agentForWebhook, { instanceName: read.envelope.instance });
  if (agent === null) return unknownInstance();
  if (!(await verifiedByAny(request.headers, raw.bytes, agent.webhookSecrets))) {
    return errorResponse("UNAUTHENTICATED", "Invalid webhook credentials.");
  }
  const parsed = parseWhatsAppEvent(read.envelope);
  if (parsed.status === "invalid") return malformed(parsed.issues);
  if (parsed.status === "ignored") return jsonResponse({ success: true, ignored: true, reason: parsed.reason });
  // The org may be deleted between resolution and ingest: its agents are gone, as for any unknown instance.
  const outcome = await ctx
    .runMutation(internal.whatsapp.ingest, { orgId: agent.orgId, agentId: agent.agentId, change: parsed.change })
    .catch((error: unknown) => {
      if (toAppErrorData(error).code === "ORG_NOT_FOUND") return "agent_gone" as const;
      throw error;
    });
  if (outcome === "agent_gone") return unknownInstance();
  return jsonResponse({ success: true, outcome });
});

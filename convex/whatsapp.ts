import { literals } from "convex-helpers/validators";
import { v, type Infer } from "convex/values";
import { AGENT_STATES } from "../lib/whatsapp/types";
import { toAppErrorData } from "../lib/errors";
import { deliveryCredential, sha256Hex, verifyWebhookRequest } from "../lib/whatsapp/signatures";
import { parseWhatsAppEvent, readEnvelope, type WhatsAppChange } from "../lib/whatsapp/webhook-events";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { ActionCtx } from "./_generated/server";
import { httpAction, internalMutation, internalOrgMutation, internalQuery } from "./lib/functions";
import { errorResponse, jsonResponse, MAX_WEBHOOK_BODY_BYTES, payloadTooLarge, readRawBodyWithin } from "./lib/http";
import { applyWhatsAppChange, webhookAgent, type IngestedChange } from "./model/ingest";
import { PENDING_UPDATE_TTL_MS } from "./model/messageUpdates";
import { MAX_INLINE_MEDIA_BODY_BYTES, storeInlineFile, withinLimitWithoutInlineFile } from "./model/inlineMedia";
import { deliveryValidator, locationValidator, messageKindValidator, sharedContactValidator } from "./schema";

/** The states `connection.update` reports (an agent's "created" is ours alone). */
const connectionStateValidator = literals(...AGENT_STATES);

const mediaFactsValidator = v.object({
  mimeType: v.optional(v.string()),
  size: v.optional(v.number()),
  durationSec: v.optional(v.number()),
  fileName: v.optional(v.string()),
  voiceNote: v.optional(v.boolean()),
});

/** lib/whatsapp/webhook-events.ts `WhatsAppChange`, as the ingest mutation receives it (no inline file). */
export const whatsAppChangeValidator = v.union(
  v.object({
    kind: v.literal("message"),
    externalId: v.string(),
    fromMe: v.boolean(),
    waJid: v.string(),
    waJidAlt: v.optional(v.string()),
    pushName: v.optional(v.string()),
    messageKind: messageKindValidator,
    text: v.string(),
    sentAt: v.number(),
    delivery: deliveryValidator,
    media: v.optional(mediaFactsValidator),
    location: v.optional(locationValidator),
    sharedContact: v.optional(sharedContactValidator),
    quoted: v.optional(v.object({ externalId: v.string(), text: v.optional(v.string()), kind: v.optional(messageKindValidator) })),
  }),
  v.object({ kind: v.literal("reaction"), target: v.string(), emoji: v.string(), fromMe: v.boolean(), at: v.number() }),
  v.object({ kind: v.literal("status"), target: v.string(), fromMe: v.boolean(), delivery: deliveryValidator }),
  v.object({ kind: v.literal("edit"), target: v.string(), text: v.string(), at: v.optional(v.number()) }),
  v.object({ kind: v.literal("delete"), target: v.string(), at: v.optional(v.number()) }),
  v.object({
    kind: v.literal("contact"),
    waJid: v.string(),
    waJidAlt: v.optional(v.string()),
    whatsappName: v.optional(v.string()),
    profilePictureUrl: v.optional(v.string()),
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
  v.literal("deferred"),
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
  args: {
    agentId: v.id("agents"),
    change: whatsAppChangeValidator,
    // The message's file, inlined by Evolution and already put in storage by the webhook.
    inlineFile: v.optional(v.object({ storageId: v.id("_storage"), mimeType: v.optional(v.string()) })),
  },
  returns: outcomeValidator,
  handler: async (ctx, { inlineFile, ...args }) => {
    const { outcome, replyDue, merge, messageId, appliedUpdates, pairingHint } = await applyWhatsAppChange(ctx.db, args);
    if (pairingHint !== undefined) {
      await ctx.scheduler.runAfter(0, internal.agentPairing.confirm, { orgId: ctx.org._id, agentId: args.agentId, hint: pairingHint });
    }
    if (replyDue !== null) {
      await ctx.scheduler.runAt(replyDue.at, internal.bot.reply, { orgId: ctx.org._id, sessionId: replyDue.sessionId, attempt: 1 });
    }
    if (merge !== undefined) await ctx.scheduler.runAfter(0, internal.contactMerge.fold, { orgId: ctx.org._id, ...merge });
    if (appliedUpdates !== undefined) await ctx.scheduler.runAfter(0, internal.whatsapp.dropAppliedUpdates, { orgId: ctx.org._id, ids: appliedUpdates });
    if (inlineFile !== undefined) {
      // Filed for the media download; a replay's copy (or an agent gone meanwhile) is not kept.
      if (messageId !== undefined) await ctx.db.insert("mediaInbox", { orgId: ctx.org._id, messageId, ...inlineFile });
      else await ctx.storage.delete(inlineFile.storageId);
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
 * agent's own secret (Bearer JWT or body signature). Refusals (413, 400, 404, 401, 429) write nothing;
 * accepted deliveries answer 200 at once (the bot's reply, when there is one, is scheduled). A
 * delivery identical to one already applied (same credential, same bytes) is answered as a
 * duplicate, a credential that carried too many bodies is refused (convex/webhookReplays.ts), and a
 * number over its delivery rate is answered 429 RATE_LIMITED (Evolution retries it later).
 */
export const webhook = httpAction(async (ctx, request) => {
  const raw = await readRawBodyWithin(request, MAX_INLINE_MEDIA_BODY_BYTES);
  if (raw === null) return payloadTooLarge();
  let payload: unknown;
  try {
    payload = JSON.parse(raw.text);
  } catch {
    if (raw.bytes.byteLength > MAX_WEBHOOK_BODY_BYTES) return payloadTooLarge();
    return errorResponse("INVALID_ARGUMENT", "The webhook body is not valid JSON.");
  }
  // Past 1 MiB, only an inlined file may make up the difference.
  if (raw.bytes.byteLength > MAX_WEBHOOK_BODY_BYTES && !withinLimitWithoutInlineFile(payload)) return payloadTooLarge();
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
  const replay = await replayKey(request.headers, raw.bytes);
  const verdict = await claimDelivery(ctx, { ...replay, agentId: agent.agentId });
  if (verdict === "rate_limited") return errorResponse("RATE_LIMITED", "Too many deliveries for this number. Retry later.");
  // The same answer as a message stored before: the sender only needs to know we have it.
  if (verdict === "duplicate") return jsonResponse({ success: true, outcome: "duplicate" });
  if (verdict === "exhausted") return errorResponse("UNAUTHENTICATED", "These webhook credentials were already used too often.");
  const outcomes: Outcome[] = [];
  // Each change is its own transaction (its own read budget): arrays of updates or contacts stay small each.
  for (const change of parsed.changes) {
    const outcome = await ingestOne(ctx, agent, change);
    // The org may be deleted between resolution and ingest: its agents are gone, as for any unknown instance.
    if (outcome === "agent_gone") return unknownInstance();
    outcomes.push(outcome);
  }
  await ctx.runMutation(internal.webhookReplays.settle, replay);
  return jsonResponse(outcomes.length === 1 ? { success: true, outcome: outcomes[0] } : { success: true, outcomes });
});

/** The replay verdict, or "rate_limited" when the number's webhook bucket is empty (429, nothing written). */
async function claimDelivery(ctx: ActionCtx, args: { credentialHash: string; bodyHash: string; agentId: Id<"agents"> }) {
  try {
    return await ctx.runMutation(internal.webhookReplays.claim, args);
  } catch (error) {
    if (toAppErrorData(error).code === "RATE_LIMITED") return "rate_limited" as const;
    throw error;
  }
}

/** The replay record's key: hashes of the credential (verified present) and of the raw body. */
async function replayKey(headers: Headers, body: Uint8Array) {
  const credential = deliveryCredential(headers) ?? "";
  return { credentialHash: await sha256Hex(credential), bodyHash: await sha256Hex(body) };
}

type Outcome = Infer<typeof outcomeValidator>;
type ResolvedAgent = { orgId: Id<"organizations">; agentId: Id<"agents"> };

/** A change as the mutation takes it: a message's inlined file goes to storage first (too big for arguments). */
async function withFileStored(ctx: ActionCtx, change: WhatsAppChange) {
  if (change.kind !== "message" || change.base64 === undefined) return { change: change as IngestedChange, inlineFile: null };
  const { base64, ...message } = change;
  return { change: message, inlineFile: await storeInlineFile(ctx, base64, change.media?.mimeType) };
}

async function ingestOne(ctx: ActionCtx, agent: ResolvedAgent, whatsAppChange: WhatsAppChange): Promise<Outcome> {
  const { change, inlineFile } = await withFileStored(ctx, whatsAppChange);
  return ctx
    .runMutation(internal.whatsapp.ingest, {
      orgId: agent.orgId,
      agentId: agent.agentId,
      change,
      ...(inlineFile !== null ? { inlineFile } : {}),
    })
    .catch(async (error: unknown) => {
      if (inlineFile !== null) await ctx.storage.delete(inlineFile.storageId);
      if (toAppErrorData(error).code === "ORG_NOT_FOUND") return "agent_gone" as const;
      throw error;
    });
}

/** Updates applied as their message was stored (model/ingest.ts): no longer waiting. */
export const dropAppliedUpdates = internalOrgMutation({
  args: { ids: v.array(v.id("pendingMessageUpdates")) },
  returns: v.null(),
  handler: async (ctx, { ids }) => {
    for (const id of ids) if ((await ctx.db.get("pendingMessageUpdates", id)) !== null) await ctx.db.delete("pendingMessageUpdates", id);
    return null;
  },
});

const PRUNE_BATCH_SIZE = 200;

/** Daily: updates whose message never arrived (another client's message, a send that failed) are dropped. */
export const prunePendingUpdates = internalMutation({
  args: {},
  returns: v.object({ deleted: v.number() }),
  handler: async (ctx) => {
    const expired = await ctx.db
      .query("pendingMessageUpdates")
      .withIndex("by_receivedAt", (q) => q.lt("receivedAt", Date.now() - PENDING_UPDATE_TTL_MS))
      .take(PRUNE_BATCH_SIZE);
    for (const row of expired) await ctx.db.delete("pendingMessageUpdates", row._id);
    if (expired.length === PRUNE_BATCH_SIZE) await ctx.scheduler.runAfter(0, internal.whatsapp.prunePendingUpdates, {});
    return { deleted: expired.length };
  },
});

import { v } from "convex/values";
import { Webhook, WebhookVerificationError } from "svix";
import { parseClerkEvent, type ClerkChange } from "../lib/clerk/events";
import { internal } from "./_generated/api";
import { env } from "./_generated/server";
import { httpAction, internalMutation } from "./lib/functions";
import { errorResponse, jsonResponse, payloadTooLarge, readBodyWithin } from "./lib/http";
import {
  deleteMembership,
  deleteOrganization,
  deleteUser,
  upsertMembership,
  upsertOrganization,
  upsertUser,
} from "./model/clerkSync";
import { issuerOfEvent } from "./model/issuer";

const orgProfile = v.object({
  externalId: v.string(),
  name: v.string(),
  slug: v.string(),
  updatedAt: v.number(),
  issuer: v.optional(v.string()),
});
const userProfile = v.object({
  externalId: v.string(),
  email: v.string(),
  name: v.string(),
  imageUrl: v.optional(v.string()),
  updatedAt: v.number(),
});

export const clerkChangeValidator = v.union(
  v.object({ kind: v.literal("organization.upsert"), org: orgProfile }),
  v.object({ kind: v.literal("organization.delete"), orgExternalId: v.string() }),
  v.object({ kind: v.literal("membership.upsert"), org: orgProfile, user: userProfile, role: v.string(), updatedAt: v.number() }),
  v.object({ kind: v.literal("membership.delete"), org: orgProfile, user: userProfile, updatedAt: v.number() }),
  v.object({ kind: v.literal("user.upsert"), user: userProfile }),
  v.object({ kind: v.literal("user.delete"), userExternalId: v.string() }),
);

/** Global: identity sync. Applies one verified Clerk change exactly once per svix-id, in one transaction. */
export const applyChange = internalMutation({
  args: { deliveryId: v.string(), change: clerkChangeValidator },
  returns: v.object({ duplicate: v.boolean() }),
  handler: async (ctx, { deliveryId, change }) => {
    const seen = await ctx.db
      .query("webhookDeliveries")
      .withIndex("by_provider_and_deliveryId", (q) => q.eq("provider", "clerk").eq("deliveryId", deliveryId))
      .unique();
    if (seen !== null) return { duplicate: true };
    await ctx.db.insert("webhookDeliveries", { provider: "clerk", deliveryId, receivedAt: Date.now() });
    switch (change.kind) {
      case "organization.upsert":
        await upsertOrganization(ctx, change.org);
        break;
      case "organization.delete":
        await deleteOrganization(ctx, change.orgExternalId);
        break;
      case "membership.upsert":
        await upsertMembership(ctx, change);
        break;
      case "membership.delete":
        await deleteMembership(ctx, change);
        break;
      case "user.upsert":
        await upsertUser(ctx, change.user);
        break;
      case "user.delete":
        await deleteUser(ctx, change.userExternalId);
        break;
    }
    return { duplicate: false };
  },
});

/** Stamps the issuer on the change's org profile, so an org this event creates is bound to it. */
function withIssuer(change: ClerkChange, issuer: string | undefined): ClerkChange {
  if (issuer === undefined || !("org" in change)) return change;
  return { ...change, org: { ...change.org, issuer } };
}

function svixHeaders(request: Request) {
  return {
    "svix-id": request.headers.get("svix-id") ?? "",
    "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
    "svix-signature": request.headers.get("svix-signature") ?? "",
  };
}

/** POST /webhooks/clerk: svix-verified over the raw body (5-minute tolerance), idempotent on svix-id. */
export const webhook = httpAction(async (ctx, request) => {
  const secret = env.CLERK_WEBHOOK_SECRET;
  if (!secret) return errorResponse("INTERNAL_ERROR", "The Clerk webhook is not configured.");
  const body = await readBodyWithin(request);
  if (body === null) return payloadTooLarge();
  const headers = svixHeaders(request);
  let payload: unknown;
  try {
    // svix 2.x verifies but returns nothing: the payload is the raw body it just authenticated.
    new Webhook(secret).verify(body, headers);
    payload = JSON.parse(body);
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      return errorResponse("UNAUTHENTICATED", "Invalid webhook signature.");
    }
    return errorResponse("INVALID_ARGUMENT", "The webhook body is not valid JSON.");
  }
  const parsed = parseClerkEvent(payload);
  if (parsed.status === "invalid") {
    return errorResponse("INVALID_ARGUMENT", "The webhook payload is malformed.", { details: parsed.issues });
  }
  if (parsed.status === "ignored") return jsonResponse({ success: true, ignored: true });
  const issuer = issuerOfEvent((payload as { instance_id?: unknown }).instance_id, env);
  const { duplicate } = await ctx.runMutation(internal.clerk.applyChange, {
    deliveryId: headers["svix-id"],
    change: withIssuer(parsed.change, issuer),
  });
  return jsonResponse({ success: true, duplicate });
});

import { v } from "convex/values";
import { bytesToBase64, outboundMediaTypeOf } from "../lib/whatsapp/mediaPolicy";
import { OUTBOUND_MEDIA_TYPES } from "../lib/whatsapp/types";
import { literals } from "convex-helpers/validators";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { ActionCtx } from "./_generated/server";
import { internalAction, internalOrgQuery } from "./lib/functions";
import { gatewayFromEnv } from "./model/gateway";
import { replyTargetX } from "./model/outbound";

/**
 * The scheduled send of a member's message (a file, or a text being retried): the row is already
 * stored "pending" and shown; this sends it through the agent's WhatsApp and records the outcome
 * with the same markSent / markFailed as sendHuman.
 */

const deliveryPlanValidator = v.union(
  v.null(),
  v.object({
    instanceName: v.string(),
    number: v.string(),
    text: v.string(),
    quotedExternalId: v.union(v.string(), v.null()),
    media: v.union(
      v.null(),
      v.object({ storageId: v.id("_storage"), mimeType: v.string(), fileName: v.string(), mediatype: literals(...OUTBOUND_MEDIA_TYPES) }),
    ),
  }),
);

/** Null when the message is no longer waiting to be sent (sent meanwhile, or deleted). */
export const deliveryPlan = internalOrgQuery({
  args: { messageId: v.id("messages") },
  returns: deliveryPlanValidator,
  handler: async (ctx, { messageId }) => {
    const message = await ctx.db.get("messages", messageId);
    if (message === null || message.direction !== "out" || message.delivery !== "pending") return null;
    const { agent, number } = await replyTargetX(ctx.db, message.sessionId);
    const file = message.media;
    const mediatype = file?.mimeType ? outboundMediaTypeOf(file.mimeType) : null;
    const media =
      file?.storageId !== undefined && file.mimeType !== undefined && mediatype !== null
        ? { storageId: file.storageId, mimeType: file.mimeType, fileName: file.fileName ?? "file", mediatype }
        : null;
    return { instanceName: agent.instanceName, number, text: message.text, quotedExternalId: message.quoted?.externalId ?? null, media };
  },
});

export const deliver = internalAction({
  args: { orgId: v.id("organizations"), messageId: v.id("messages") },
  returns: v.null(),
  handler: async (ctx, args) => {
    let plan: typeof deliveryPlanValidator.type;
    try {
      plan = await ctx.runQuery(internal.outbound.deliveryPlan, args);
    } catch {
      // The agent was disconnected or the conversation closed since: the send cannot go out.
      await ctx.runMutation(internal.messages.markFailed, args);
      return null;
    }
    if (plan === null) return null;
    const quotedExternalId = plan.quotedExternalId ?? undefined;
    try {
      const gateway = gatewayFromEnv();
      const sent = plan.media === null
        ? await gateway.sendText(plan.instanceName, { number: plan.number, text: plan.text, quotedExternalId })
        : await gateway.sendMedia(plan.instanceName, {
            number: plan.number,
            mediatype: plan.media.mediatype,
            mimetype: plan.media.mimeType,
            fileName: plan.media.fileName,
            media: await base64OfFile(ctx, plan.media.storageId),
            caption: plan.text || undefined,
            quotedExternalId,
          });
      await ctx.runMutation(internal.messages.markSent, { ...args, externalId: sent.externalId });
    } catch {
      await ctx.runMutation(internal.messages.markFailed, args);
    }
    return null;
  },
});

async function base64OfFile(ctx: Pick<ActionCtx, "storage">, storageId: Id<"_storage">): Promise<string> {
  const blob = await ctx.storage.get(storageId);
  if (blob === null) throw new Error("The file to send is gone from storage.");
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

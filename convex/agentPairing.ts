import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { AGENT_STATES, CONNECTION_STATES, GatewayError } from "../lib/whatsapp/types";
import { internal } from "./_generated/api";
import { internalAction, internalOrgMutation } from "./lib/functions";
import { gatewayFromEnv } from "./model/gateway";
import { applyConnection, applyQrCode, applyQrLimit } from "./model/ingest";

/**
 * `connection.update`, `qrcode.updated` and the QR limit are hints (SECURITY 1): whoever holds a
 * webhook credential could claim any state or push their own QR for the team to scan. The gateway is
 * asked instead (`GET /instance/connectionState`, and `GET /instance/connect` for the current QR,
 * which Evolution answers without side effects while pairing), and only its answer is stored.
 */

export const pairingHintValidator = v.union(
  v.object({
    kind: v.literal("connection"),
    state: literals(...AGENT_STATES),
    phoneNumber: v.optional(v.string()),
    statusReason: v.optional(v.number()),
  }),
  v.object({ kind: v.literal("qr") }),
  v.object({ kind: v.literal("qrLimit") }),
);

const observedValidator = v.object({ state: literals(...CONNECTION_STATES), qrCode: v.union(v.string(), v.null()) });

/** Scheduled by ingest: what the gateway says now, recorded. A gateway that cannot answer changes nothing. */
export const confirm = internalAction({
  args: { orgId: v.id("organizations"), agentId: v.id("agents"), hint: pairingHintValidator },
  returns: v.null(),
  handler: async (ctx, { orgId, agentId, hint }) => {
    const { instanceName } = await ctx.runQuery(internal.agentGateway.instanceOf, { orgId, agentId });
    const gateway = gatewayFromEnv();
    let observed: { state: (typeof CONNECTION_STATES)[number]; qrCode: string | null };
    try {
      const state = await gateway.connectionState(instanceName);
      // Only while pairing: `connect` on a closed instance would start a new pairing.
      const qrCode = state === "connecting" ? ((await gateway.connect(instanceName)).qr?.base64 ?? null) : null;
      observed = { state, qrCode };
    } catch (error) {
      // Unreachable or the instance is gone: the health check (agentHealth.ts) deals with that.
      if (error instanceof GatewayError) return null;
      throw error;
    }
    await ctx.runMutation(internal.agentPairing.record, { orgId, agentId, hint, observed });
    return null;
  },
});

/**
 * The gateway's answer, applied with the same rules as a delivery used to be: open (with the number
 * the hint named, now that the link is confirmed), pairing with the gateway's own QR, or closed
 * (refused when the hint was the QR limit or Evolution's "refused" after it; the number dropped
 * when the phone logged out).
 */
export const record = internalOrgMutation({
  args: { agentId: v.id("agents"), hint: pairingHintValidator, observed: observedValidator },
  returns: v.null(),
  handler: async (ctx, { agentId, hint, observed }) => {
    const agent = await ctx.db.get("agents", agentId);
    if (agent === null || agent.deletedAt !== undefined) return null;
    const fromHint: { phoneNumber?: string; statusReason?: number } = hint.kind === "connection" ? hint : {};
    if (observed.state === "open") {
      await applyConnection(ctx.db, agent, { state: "open", phoneNumber: fromHint.phoneNumber });
    } else if (observed.state === "connecting") {
      if (observed.qrCode !== null) await applyQrCode(ctx.db, agent, observed.qrCode);
      else await applyConnection(ctx.db, agent, { state: "connecting" });
    } else if (hint.kind === "qrLimit" || (hint.kind === "connection" && hint.state === "refused")) {
      await applyQrLimit(ctx.db, agent);
    } else {
      await applyConnection(ctx.db, agent, { state: "close", statusReason: fromHint.statusReason });
    }
    return null;
  },
});

import { createGatewayHttp, segment } from "./http";
import {
  acknowledgement,
  connectResponse,
  connectionStateResponse,
  createInstanceResponse,
  mediaBase64Response,
  sendTextResponse,
  type QrCodeFields,
} from "./schemas";
import {
  GatewayError,
  type ConnectionState,
  type EvolutionClient,
  type EvolutionConfig,
  type QrCode,
  type SentMessage,
  type WebhookTarget,
} from "./types";

/** Evolution's webhook settings for SpinDesk: one URL for every event, media inline, signed with `jwt_key`. */
function webhookSettings(target: WebhookTarget) {
  return {
    enabled: true,
    url: target.url,
    byEvents: false,
    base64: true,
    // Evolution never forwards `jwt_key`: it signs each delivery with it (`Authorization: Bearer <HS256 JWT>`).
    headers: { jwt_key: target.jwtKey, "Content-Type": "application/json" },
    events: [...target.events],
  };
}

/** A QR only when Baileys has rendered one; Evolution's `base64` is a PNG data URL. */
function qrOf(fields: QrCodeFields | null | undefined): QrCode | null {
  if (!fields?.code || !fields.base64) return null;
  const base64 = fields.base64.startsWith("data:") ? fields.base64 : `data:image/png;base64,${fields.base64}`;
  return { code: fields.code, base64 };
}

/** "refused" (QR limit reached) is Evolution's closed-after-pairing state: a new connect starts over. */
function connectionStateOf(state: string | null | undefined, operation: string): ConnectionState {
  if (state === "open" || state === "connecting" || state === "close") return state;
  if (state === "refused") return "close";
  throw new GatewayError("invalid_response", `The WhatsApp gateway answered ${operation} with an unknown state.`);
}

/** Baileys reports seconds; a value that is already milliseconds is kept as is. */
function toMillis(timestamp: number): number {
  return timestamp > 99_999_999_999 ? Math.floor(timestamp) : Math.floor(timestamp) * 1000;
}

/** Evolution's `quoted` option: the key of the message replied to is enough for it to find the rest. */
function quotedBody(quotedExternalId: string | undefined) {
  return quotedExternalId === undefined ? {} : { quoted: { key: { id: quotedExternalId } } };
}

function sentMessageOf(answer: { key: { id: string; remoteJid: string }; messageTimestamp: number }): SentMessage {
  return { externalId: answer.key.id, remoteJid: answer.key.remoteJid, sentAt: toMillis(answer.messageTimestamp) };
}

export function createEvolutionClient(config: EvolutionConfig): EvolutionClient {
  const http = createGatewayHttp(config);

  async function connectionState(instanceName: string): Promise<ConnectionState> {
    const answer = await http(
      { method: "GET", path: `/instance/connectionState/${segment(instanceName)}`, operation: "connectionState" },
      connectionStateResponse,
    );
    return connectionStateOf(answer.instance.state, "connectionState");
  }

  /** Logging out a closed instance is a 400 in Evolution; the goal (not connected) already holds. */
  async function logout(instanceName: string): Promise<void> {
    try {
      await http({ method: "DELETE", path: `/instance/logout/${segment(instanceName)}`, operation: "logout" }, acknowledgement);
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind !== "rejected") throw error;
      if ((await connectionState(instanceName)) !== "close") throw error;
    }
  }

  async function deleteOnce(instanceName: string): Promise<void> {
    try {
      await http({ method: "DELETE", path: `/instance/delete/${segment(instanceName)}`, operation: "deleteInstance" }, acknowledgement);
    } catch (error) {
      if (error instanceof GatewayError && error.kind === "not_found") return;
      throw error;
    }
  }

  return {
    async createInstance({ instanceName, webhook }) {
      const answer = await http(
        {
          method: "POST",
          path: "/instance/create",
          operation: "createInstance",
          body: { instanceName, integration: "WHATSAPP-BAILEYS", qrcode: true, webhook: webhookSettings(webhook) },
        },
        createInstanceResponse,
      );
      return { instanceId: answer.instance.instanceId, qr: qrOf(answer.qrcode) };
    },

    async connect(instanceName) {
      const answer = await http({ method: "GET", path: `/instance/connect/${segment(instanceName)}`, operation: "connect" }, connectResponse);
      if ("error" in answer) throw new GatewayError("unavailable", "The WhatsApp gateway could not start pairing (connect).");
      if (answer.instance) {
        const state = answer.instance.state ?? answer.instance.status;
        return { qr: state === "open" ? null : qrOf(answer.qrcode) };
      }
      return { qr: qrOf(answer) };
    },

    connectionState,
    logout,

    async deleteInstance(instanceName) {
      try {
        await deleteOnce(instanceName);
      } catch (error) {
        // Older Evolution releases refuse to delete a connected instance (400 "needs to be disconnected").
        if (!(error instanceof GatewayError) || error.kind !== "rejected") throw error;
        await logout(instanceName);
        await deleteOnce(instanceName);
      }
    },

    async setWebhook(instanceName, webhook) {
      await http(
        { method: "POST", path: `/webhook/set/${segment(instanceName)}`, operation: "setWebhook", body: { webhook: webhookSettings(webhook) } },
        acknowledgement,
      );
    },

    async sendText(instanceName, { number, text, quotedExternalId }) {
      const body = { number, text, ...quotedBody(quotedExternalId) };
      const answer = await http(
        { method: "POST", path: `/message/sendText/${segment(instanceName)}`, operation: "sendText", body },
        sendTextResponse,
      );
      return sentMessageOf(answer);
    },

    async sendMedia(instanceName, { quotedExternalId, caption, ...media }) {
      const body = { ...media, caption: caption ?? "", ...quotedBody(quotedExternalId) };
      const answer = await http(
        { method: "POST", path: `/message/sendMedia/${segment(instanceName)}`, operation: "sendMedia", body },
        sendTextResponse,
      );
      return sentMessageOf(answer);
    },

    async mediaOf(instanceName, externalId) {
      const answer = await http(
        {
          method: "POST",
          path: `/chat/getBase64FromMediaMessage/${segment(instanceName)}`,
          operation: "getBase64FromMediaMessage",
          body: { message: { key: { id: externalId } }, convertToMp4: false },
        },
        mediaBase64Response,
      );
      const base64 = answer.base64.replace(/^data:[^,]*,/, "");
      return { base64, mimetype: answer.mimetype ?? null, fileName: answer.fileName ?? null };
    },
  };
}

/**
 * The WhatsApp gateway as SpinDesk uses it: a typed subset of Evolution API v2. Pure TypeScript, shared
 * by Convex actions (agents, human replies) and tests; `createEvolutionClient` in ./client.ts implements it.
 */

export type EvolutionConfig = {
  baseUrl: string;
  apiKey: string;
  /** Per request; the gateway is another service and must never hang an action. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/**
 * Webhook events SpinDesk subscribes every instance to (Evolution v2's uppercase names, checked against
 * its `Events` enum and EventController list). CONTACTS_UPDATE: Evolution reports a contact it already
 * knows (every later message) as an update, with the current profile picture, never as an upsert.
 */
export const WEBHOOK_EVENTS = [
  "MESSAGES_UPSERT",
  "MESSAGES_UPDATE",
  "MESSAGES_EDITED",
  "MESSAGES_DELETE",
  "CONTACTS_UPSERT",
  "CONTACTS_UPDATE",
  "CONNECTION_UPDATE",
  "QRCODE_UPDATED",
  "SEND_MESSAGE",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What the gateway reports of an instance's link when asked. */
export const CONNECTION_STATES = ["open", "connecting", "close"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];
/** What webhooks report: the connection states plus "refused" (Evolution's QR limit reached). */
export const AGENT_STATES = [...CONNECTION_STATES, "refused"] as const;
export type AgentState = (typeof AGENT_STATES)[number];
/**
 * A sent message's delivery as WhatsApp reports it, from our send to the customer's read ("played" for a
 * voice note the customer listened to). Ordered: a state never moves back to an earlier one.
 */
export const DELIVERY_STATES = ["pending", "sent", "delivered", "read", "played", "failed"] as const;
export type Delivery = (typeof DELIVERY_STATES)[number];
export type QrCode = { code: string; base64: string };

/** What one WhatsApp message carries; "text" is a plain (or extended) text message. */
export const MESSAGE_KINDS = ["text", "image", "video", "audio", "document", "sticker", "location", "contact"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** A media file's journey into our storage: fetched after the webhook answers, retried, then given up. */
export const MEDIA_STATES = ["pending", "ready", "failed"] as const;
export type MediaState = (typeof MEDIA_STATES)[number];
/** What `sendMedia` can send (Evolution's `mediatype`). */
export const OUTBOUND_MEDIA_TYPES = ["image", "video", "document", "audio"] as const;
export type OutboundMediaType = (typeof OUTBOUND_MEDIA_TYPES)[number];
export type SentMessage = { externalId: string; remoteJid: string; sentAt: number };

export type WebhookTarget = {
  url: string;
  /** Evolution signs every delivery with an HS256 JWT made from this key (`Authorization: Bearer`). */
  jwtKey: string;
  events: readonly WebhookEvent[];
};

export type GatewayErrorKind =
  | "unavailable" // network error or 5xx
  | "timeout"
  | "unauthorized" // our API key was refused
  | "not_found" // the instance does not exist
  | "conflict" // e.g. the instance name is taken
  | "rejected" // other 4xx: the request was refused as invalid
  | "invalid_response"; // the answer did not have the documented shape

export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

export interface EvolutionClient {
  createInstance(input: { instanceName: string; webhook: WebhookTarget }): Promise<{ instanceId: string; qr: QrCode | null }>;
  /** Starts (or continues) pairing: the current QR while not connected, null once open. */
  connect(instanceName: string): Promise<{ qr: QrCode | null }>;
  connectionState(instanceName: string): Promise<ConnectionState>;
  logout(instanceName: string): Promise<void>;
  /** Idempotent: an instance that is already gone counts as deleted. */
  deleteInstance(instanceName: string): Promise<void>;
  setWebhook(instanceName: string, webhook: WebhookTarget): Promise<void>;
  /** `number` in international digits (e.g. 5511999990001) or a full JID; `quotedExternalId` replies to that message. */
  sendText(instanceName: string, input: { number: string; text: string; quotedExternalId?: string }): Promise<SentMessage>;
  /** `media` is raw base64 (no data: prefix). */
  sendMedia(
    instanceName: string,
    input: {
      number: string;
      mediatype: OutboundMediaType;
      mimetype: string;
      media: string;
      fileName: string;
      caption?: string;
      quotedExternalId?: string;
    },
  ): Promise<SentMessage>;
  /** A received message's file (`POST /chat/getBase64FromMediaMessage`), as raw base64 with its type. */
  mediaOf(instanceName: string, externalId: string): Promise<{ base64: string; mimetype: string | null; fileName: string | null }>;
}

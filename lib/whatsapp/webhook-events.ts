import { z } from "zod";
import { AGENT_STATES, type AgentState, type Delivery } from "./types";

/**
 * Evolution API v2 webhook deliveries, reduced to the few changes SpinDesk applies. Pure (zod only):
 * the shapes are tested without Convex and the ingest mutation receives a small, validated object.
 *
 * Envelope: `{ event, instance, data, destination, date_time, sender, server_url, apikey }`. `date_time`
 * is never read (Evolution stamps local time with a `Z`); message time is `data.messageTimestamp`.
 */

// Defined with the other gateway sets; re-exported because ingest reads them with the changes.
export type { AgentState, Delivery } from "./types";

/** One WhatsApp message, inbound (`fromMe: false`) or sent from the business's number. */
export type MessageChange = {
  kind: "message";
  externalId: string;
  fromMe: boolean;
  /** The customer's phone JID when known (LID senders resolved through their alternate JID), else the LID. */
  waJid: string;
  waJidAlt?: string;
  pushName?: string;
  text: string;
  /** Provider time, epoch ms (`messageTimestamp` seconds × 1000). */
  sentAt: number;
  delivery: Delivery;
};

export type WhatsAppChange =
  | MessageChange
  | { kind: "connection"; state: AgentState; phoneNumber?: string; statusReason?: number }
  | { kind: "qr"; qrCode: string }
  | { kind: "qrLimit" };

export type IgnoreReason = "event" | "group" | "broadcast" | "content" | "state";

export type ParsedWhatsAppEvent =
  | { status: "change"; change: WhatsAppChange }
  | { status: "ignored"; reason: IgnoreReason }
  | { status: "invalid"; issues: string[] };

export type Envelope = { event: string; instance: string; data: unknown; sender: string | null };

const envelopeSchema = z.object({
  event: z.string().min(1),
  instance: z.string().min(1).max(200),
  data: z.unknown(),
  sender: z.string().nullish(),
});

const PHONE_SUFFIX = "@s.whatsapp.net";

/** "MESSAGES_UPSERT" (Evolution's config spelling) and "messages.upsert" (its webhook spelling) are one event. */
export function normalizeEventName(event: string): string {
  return event.trim().toLowerCase().replace(/[_-]/g, ".");
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/** Step one, before authentication: which instance the delivery claims to be for. */
export function readEnvelope(payload: unknown): { ok: true; envelope: Envelope } | { ok: false; issues: string[] } {
  const parsed = envelopeSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { event, instance, data, sender } = parsed.data;
  return { ok: true, envelope: { event: normalizeEventName(event), instance, data, sender: sender ?? null } };
}

/** WhatsApp's launch (2009) to 2100: anything outside is a forged or broken stamp, refused with 400. */
export const MESSAGE_TIME_RANGE = { min: 1_230_768_000, max: 4_102_444_800 } as const;

/** Baileys timestamps reach JSON as a number, a digit string or a protobuf Long `{ low, high }`. */
const unixSeconds = z
  .union([
    z.number().int().positive(),
    z
      .string()
      .regex(/^\d{1,12}$/)
      .transform(Number),
    z.object({ low: z.number().int(), high: z.number().int() }).transform(({ low, high }) => (high >>> 0) * 2 ** 32 + (low >>> 0)),
  ])
  .pipe(z.number().min(MESSAGE_TIME_RANGE.min).max(MESSAGE_TIME_RANGE.max));

const messageData = z.object({
  key: z.object({
    remoteJid: z.string().min(1),
    fromMe: z.boolean(),
    id: z.string().min(1).max(200),
    remoteJidAlt: z.string().nullish(),
    senderPn: z.string().nullish(),
  }),
  pushName: z.string().nullish(),
  status: z.union([z.string(), z.number()]).nullish(),
  message: z.record(z.string(), z.unknown()).nullish(),
  messageTimestamp: unixSeconds,
});

const connectionData = z.object({
  state: z.string().min(1),
  statusReason: z.number().nullish(),
  wuid: z.string().nullish(),
});

const qrData = z.object({
  qrcode: z.object({ base64: z.string().min(1).max(200_000) }),
});

const qrLimitData = z.object({ message: z.string().regex(/limit/i), statusCode: z.number().nullish() });

/** The international digits of a JID: `5511999990001:12@s.whatsapp.net` → `5511999990001`. */
export function digitsOfJid(jid: string): string {
  return jid.split("@")[0].split(":")[0].replace(/\D/g, "");
}

/** The phone JID wins whichever field carries it; the LID (or other alias) is kept as the alternate. */
function customerJids(key: z.infer<typeof messageData>["key"]): { waJid: string; waJidAlt?: string } {
  const senderPn = key.senderPn && !key.senderPn.includes("@") ? `${digitsOfJid(key.senderPn)}${PHONE_SUFFIX}` : key.senderPn;
  const candidates = [key.remoteJid, key.remoteJidAlt, senderPn].filter((jid): jid is string => Boolean(jid));
  // LID senders (`addressingMode: "lid"`) carry their phone JID in remoteJidAlt (senderPn before 2.3.6);
  // a sender known only by a LID keeps it, which the gateway can still send to.
  const waJid = candidates.find((jid) => jid.endsWith(PHONE_SUFFIX)) ?? key.remoteJid;
  const waJidAlt = candidates.find((jid) => jid !== waJid);
  return waJidAlt === undefined ? { waJid } : { waJid, waJidAlt };
}

type MessageContent = Record<string, unknown>;

const asContent = (value: unknown): MessageContent | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as MessageContent) : null;

const textField = (value: unknown, field: string): string | null => {
  const text = asContent(value)?.[field];
  return typeof text === "string" && text.trim().length > 0 ? text : null;
};

/** Wrappers WhatsApp puts around the real content (disappearing, view-once, captioned documents). */
const WRAPPERS = [
  "ephemeralMessage",
  "viewOnceMessage",
  "viewOnceMessageV2",
  "viewOnceMessageV2Extension",
  "documentWithCaptionMessage",
];

/** Media and other non-text content are stored as a short placeholder (plus the caption), so the thread shows them. */
const PLACEHOLDERS: Record<string, string> = {
  imageMessage: "[image]",
  videoMessage: "[video]",
  ptvMessage: "[video]",
  audioMessage: "[audio]",
  documentMessage: "[document]",
  stickerMessage: "[sticker]",
  locationMessage: "[location]",
  liveLocationMessage: "[location]",
  contactMessage: "[contact]",
  contactsArrayMessage: "[contact]",
  pollCreationMessage: "[poll]",
  pollCreationMessageV3: "[poll]",
};

/**
 * The text SpinDesk stores for one message, or null for content that is not a message a person
 * wrote (reactions, edits, revokes, key distribution, unknown kinds): those are acknowledged and ignored.
 */
export function messageText(message: MessageContent | null | undefined, depth = 0): string | null {
  if (!message) return null;
  const text = textField(message, "conversation") ?? textField(message.extendedTextMessage, "text");
  if (text !== null) return text;
  for (const [field, placeholder] of Object.entries(PLACEHOLDERS)) {
    if (asContent(message[field]) === null) continue;
    const caption = textField(message[field], "caption");
    return caption === null ? placeholder : `${placeholder} ${caption}`;
  }
  if (depth > 2) return null;
  for (const wrapper of WRAPPERS) {
    const inner = asContent(asContent(message[wrapper])?.message);
    if (inner !== null) return messageText(inner, depth + 1);
  }
  return null;
}

/** Evolution's message status (Baileys' WAMessageStatus names, or their numbers) as our delivery state. */
function deliveryOf(status: string | number | null | undefined): Delivery {
  switch (status) {
    case "DELIVERY_ACK":
    case 3:
      return "delivered";
    case "READ":
    case "PLAYED":
    case 4:
    case 5:
      return "read";
    case "ERROR":
    case 0:
      return "failed";
    default:
      // PENDING (the gateway took it) and SERVER_ACK: WhatsApp has it.
      return "sent";
  }
}

function isGroupOrBroadcast(jid: string): IgnoreReason | null {
  if (jid.endsWith("@g.us")) return "group";
  if (jid.endsWith("@broadcast") || jid.endsWith("@newsletter")) return "broadcast";
  return null;
}

function toMessageChange(data: unknown, forceFromMe: boolean): ParsedWhatsAppEvent {
  const parsed = messageData.safeParse(data);
  if (!parsed.success) return { status: "invalid", issues: issuesOf(parsed.error) };
  const { key, pushName, status, message, messageTimestamp } = parsed.data;
  // Group chats are not conversations with one customer; no per-agent setting enables them yet.
  const skipped = isGroupOrBroadcast(key.remoteJid);
  if (skipped !== null) return { status: "ignored", reason: skipped };
  const text = messageText(message);
  if (text === null) return { status: "ignored", reason: "content" };
  const fromMe = forceFromMe || key.fromMe;
  const name = pushName?.trim();
  const change: MessageChange = {
    kind: "message",
    externalId: key.id,
    fromMe,
    ...customerJids(key),
    text,
    sentAt: messageTimestamp * 1000,
    delivery: fromMe ? deliveryOf(status) : "delivered",
  };
  // On our own messages pushName is the business's profile name, never the customer's.
  if (!fromMe && name) change.pushName = name;
  return { status: "change", change };
}

function toConnectionChange(data: unknown, sender: string | null): ParsedWhatsAppEvent {
  const parsed = connectionData.safeParse(data);
  if (!parsed.success) return { status: "invalid", issues: issuesOf(parsed.error) };
  const state = AGENT_STATES.find((known) => known === parsed.data.state);
  if (state === undefined) return { status: "ignored", reason: "state" };
  const change: WhatsAppChange = { kind: "connection", state };
  if (parsed.data.statusReason != null) change.statusReason = parsed.data.statusReason;
  const phoneNumber = digitsOfJid(parsed.data.wuid ?? sender ?? "");
  if (state === "open" && phoneNumber.length > 0) change.phoneNumber = phoneNumber;
  return { status: "change", change };
}

/** A QR image as a data URL; Evolution sends one already, a bare base64 PNG is wrapped. */
function qrDataUrl(base64: string): string | null {
  if (/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(base64)) return base64;
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return `data:image/png;base64,${base64}`;
  return null;
}

function toQrChange(data: unknown): ParsedWhatsAppEvent {
  const qr = qrData.safeParse(data);
  if (qr.success) {
    const qrCode = qrDataUrl(qr.data.qrcode.base64);
    if (qrCode === null) return { status: "invalid", issues: ["qrcode.base64: not a base64 image"] };
    return { status: "change", change: { kind: "qr", qrCode } };
  }
  if (qrLimitData.safeParse(data).success) return { status: "change", change: { kind: "qrLimit" } };
  return { status: "invalid", issues: issuesOf(qr.error) };
}

/** Step two, after authentication: the change one delivery asks for, an ignorable event, or a refusal. */
export function parseWhatsAppEvent(envelope: Envelope): ParsedWhatsAppEvent {
  switch (envelope.event) {
    case "messages.upsert":
      return toMessageChange(envelope.data, false);
    case "send.message":
      return toMessageChange(envelope.data, true);
    case "connection.update":
      return toConnectionChange(envelope.data, envelope.sender);
    case "qrcode.updated":
      return toQrChange(envelope.data);
    default:
      return { status: "ignored", reason: "event" };
  }
}

import { z } from "zod";
import { AGENT_STATES, type AgentState, type Delivery, type MessageKind } from "./types";
import {
  actionOf,
  bodyOf,
  contentContextInfos,
  quotedOf,
  type LocationFacts,
  type MediaFacts,
  type QuotedFacts,
  type SharedContactFacts,
} from "./events/content";
import { digitsOfJid, groupOrBroadcast, issuesOf, personJids, unixSeconds, type Content } from "./events/primitives";
import {
  parseContacts,
  parseDeleted,
  parseEdited,
  parseStatusUpdates,
  type ContactChange,
  type DeleteChange,
  type EditChange,
  type StatusChange,
  type UpdateParse,
} from "./events/updates";

/**
 * Evolution API v2 webhook deliveries, reduced to the few changes SpinDesk applies. Pure (zod only):
 * the shapes are tested without Convex and the ingest mutation receives a small, validated object.
 *
 * Envelope: `{ event, instance, data, destination, date_time, sender, server_url, apikey }`. `date_time`
 * is never read (Evolution stamps local time with a `Z`); message time is `data.messageTimestamp`.
 */

// Defined with the other gateway sets; re-exported because ingest reads them with the changes.
export type { AgentState, Delivery, MessageKind } from "./types";
export type { ContactChange, DeleteChange, EditChange, StatusChange } from "./events/updates";
export type { LocationFacts, MediaFacts, QuotedFacts, SharedContactFacts } from "./events/content";
export { digitsOfJid, MESSAGE_TIME_RANGE } from "./events/primitives";

/** One WhatsApp message, inbound (`fromMe: false`) or sent from the business's number. */
export type MessageChange = {
  kind: "message";
  externalId: string;
  fromMe: boolean;
  /** The customer's phone JID when known (LID senders resolved through their alternate JID), else the LID. */
  waJid: string;
  waJidAlt?: string;
  pushName?: string;
  /** What the message is; a file's caption (or "") is its text. */
  messageKind: MessageKind;
  text: string;
  /** Provider time, epoch ms (`messageTimestamp` seconds × 1000). */
  sentAt: number;
  delivery: Delivery;
  media?: MediaFacts;
  location?: LocationFacts;
  sharedContact?: SharedContactFacts;
  quoted?: QuotedFacts;
  /** The file itself when Evolution inlined it (webhook `base64: true`): raw base64, checked by the webhook. */
  base64?: string;
};

/** A reaction by the customer (`fromMe: false`) or the business to an earlier message; "" removes it. */
export type ReactionChange = { kind: "reaction"; target: string; emoji: string; fromMe: boolean; at: number };

export type WhatsAppChange =
  | MessageChange
  | ReactionChange
  | StatusChange
  | EditChange
  | DeleteChange
  | ContactChange
  | { kind: "connection"; state: AgentState; phoneNumber?: string; statusReason?: number }
  | { kind: "qr"; qrCode: string }
  | { kind: "qrLimit" };

export type IgnoreReason = "event" | "group" | "broadcast" | "content" | "state";

/** One delivery may carry several changes (arrays of updates or contacts), each applied on its own. */
export type ParsedWhatsAppEvent =
  | { status: "change"; changes: WhatsAppChange[] }
  | { status: "ignored"; reason: IgnoreReason }
  | { status: "invalid"; issues: string[] };

export type Envelope = { event: string; instance: string; data: unknown; sender: string | null };

const envelopeSchema = z.object({
  event: z.string().min(1),
  instance: z.string().min(1).max(200),
  data: z.unknown(),
  sender: z.string().nullish(),
});

/** "MESSAGES_UPSERT" (Evolution's config spelling) and "messages.upsert" (its webhook spelling) are one event. */
export function normalizeEventName(event: string): string {
  return event.trim().toLowerCase().replace(/[_-]/g, ".");
}

/** Step one, before authentication: which instance the delivery claims to be for. */
export function readEnvelope(payload: unknown): { ok: true; envelope: Envelope } | { ok: false; issues: string[] } {
  const parsed = envelopeSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { event, instance, data, sender } = parsed.data;
  return { ok: true, envelope: { event: normalizeEventName(event), instance, data, sender: sender ?? null } };
}

const messageData = z.object({
  key: z.object({
    remoteJid: z.string().min(1),
    fromMe: z.boolean(),
    id: z.string().min(1).max(200),
    remoteJidAlt: z.string().nullish(),
    senderPn: z.string().nullish(),
    participantAlt: z.string().nullish(),
  }),
  pushName: z.string().nullish(),
  status: z.union([z.string(), z.number()]).nullish(),
  message: z.record(z.string(), z.unknown()).nullish(),
  messageTimestamp: unixSeconds,
  contextInfo: z.unknown().optional(),
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

/** Evolution's message status (Baileys' WAMessageStatus names, or their numbers) as our delivery state. */
function deliveryOf(status: string | number | null | undefined): Delivery {
  switch (status) {
    case "DELIVERY_ACK":
    case 3:
      return "delivered";
    case "READ":
    case 4:
      return "read";
    case "PLAYED":
    case 5:
      return "played";
    case "ERROR":
    case 0:
      return "failed";
    default:
      // PENDING (the gateway took it) and SERVER_ACK: WhatsApp has it.
      return "sent";
  }
}

const one = (change: WhatsAppChange): ParsedWhatsAppEvent => ({ status: "change", changes: [change] });

/** The customer's JIDs of a message key: LID senders carry their phone JID in remoteJidAlt (senderPn before 2.3.6). */
function customerJids(key: z.infer<typeof messageData>["key"]) {
  return personJids([key.remoteJid, key.remoteJidAlt, key.senderPn, key.participantAlt]) ?? { waJid: key.remoteJid };
}

/** A reaction, edit or revoke sent as a message of its own (`messages.upsert`). */
function actionChange(data: z.infer<typeof messageData>, content: Content | null): ParsedWhatsAppEvent | null {
  const action = actionOf(content);
  if (action === null) return null;
  const at = action.at ?? data.messageTimestamp * 1000;
  switch (action.action) {
    case "reaction":
      return one({ kind: "reaction", target: action.target, emoji: action.emoji, fromMe: data.key.fromMe, at });
    case "edit":
      return one({ kind: "edit", target: action.target, text: action.text, at });
    case "revoke":
      return one({ kind: "delete", target: action.target, at });
  }
}

/** The inline file Evolution adds at `message.base64` when the webhook asks for it. */
function inlineBase64(content: Content | null): string | undefined {
  const base64 = content?.base64;
  return typeof base64 === "string" && base64.length > 0 ? base64 : undefined;
}

function toMessageChange(data: unknown, forceFromMe: boolean): ParsedWhatsAppEvent {
  const parsed = messageData.safeParse(data);
  if (!parsed.success) return { status: "invalid", issues: issuesOf(parsed.error) };
  const { key, pushName, status, message, messageTimestamp, contextInfo } = parsed.data;
  // Group chats are not conversations with one customer; no per-agent setting enables them yet.
  const skipped = groupOrBroadcast(key.remoteJid);
  if (skipped !== null) return { status: "ignored", reason: skipped };
  const content = message ?? null;
  const action = actionChange(parsed.data, content);
  if (action !== null) return action;
  const body = bodyOf(content);
  if (body === null) return { status: "ignored", reason: "content" };
  const fromMe = forceFromMe || key.fromMe;
  const name = pushName?.trim();
  const change: MessageChange = {
    kind: "message",
    externalId: key.id,
    fromMe,
    ...customerJids(key),
    messageKind: body.kind,
    text: body.text,
    sentAt: messageTimestamp * 1000,
    delivery: fromMe ? deliveryOf(status) : "delivered",
  };
  if (body.media !== undefined) change.media = body.media;
  if (body.location !== undefined) change.location = body.location;
  if (body.sharedContact !== undefined) change.sharedContact = body.sharedContact;
  // Evolution lifts the content's contextInfo to the data; other senders leave it inside.
  const quoted = quotedOf([contextInfo, ...contentContextInfos(content)]);
  if (quoted !== undefined) change.quoted = quoted;
  const base64 = body.media !== undefined ? inlineBase64(content) : undefined;
  if (base64 !== undefined) change.base64 = base64;
  // On our own messages pushName is the business's profile name, never the customer's.
  if (!fromMe && name && name !== "Você") change.pushName = name;
  return one(change);
}

function fromUpdates(parsed: UpdateParse<WhatsAppChange>): ParsedWhatsAppEvent {
  if (!parsed.ok) return { status: "invalid", issues: parsed.issues };
  if (parsed.changes.length === 0) return { status: "ignored", reason: "content" };
  return { status: "change", changes: parsed.changes };
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
  return one(change);
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
    return one({ kind: "qr", qrCode });
  }
  if (qrLimitData.safeParse(data).success) return one({ kind: "qrLimit" });
  return { status: "invalid", issues: issuesOf(qr.error) };
}

/** Step two, after authentication: the change one delivery asks for, an ignorable event, or a refusal. */
export function parseWhatsAppEvent(envelope: Envelope): ParsedWhatsAppEvent {
  switch (envelope.event) {
    case "messages.upsert":
      return toMessageChange(envelope.data, false);
    case "send.message":
      return toMessageChange(envelope.data, true);
    case "messages.update":
      return fromUpdates(parseStatusUpdates(envelope.data));
    case "messages.edited":
      return fromUpdates(parseEdited(envelope.data));
    case "messages.delete":
      return fromUpdates(parseDeleted(envelope.data));
    case "contacts.upsert":
    case "contacts.update":
      return fromUpdates(parseContacts(envelope.data));
    case "connection.update":
      return toConnectionChange(envelope.data, envelope.sender);
    case "qrcode.updated":
      return toQrChange(envelope.data);
    default:
      return { status: "ignored", reason: "event" };
  }
}

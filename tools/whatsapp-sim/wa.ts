import { createHash, randomBytes } from "node:crypto";

/** Evolution v2's message as `messages.upsert` / `send.message` data and the send answers carry it (prepareMessage). */
export interface MessageRaw {
  key: {
    remoteJid: string;
    fromMe: boolean;
    id: string;
    remoteJidAlt?: string;
    participant?: string;
    addressingMode?: "lid" | "pn";
  };
  pushName?: string;
  status: AckStatus;
  /** `conversation`, or one `<kind>Message` (imageMessage, audioMessage, …), plus `base64` when the webhook asks for it. */
  message: Record<string, unknown>;
  /** A reply's quote, lifted out of the content as Evolution does (extendedTextMessage becomes `conversation`). */
  contextInfo?: ContextInfo;
  messageType: string;
  messageTimestamp: number;
  instanceId: string;
  source: "android" | "ios" | "web" | "desktop" | "unknown";
}

export interface ContextInfo {
  stanzaId: string;
  participant: string;
  quotedMessage: Record<string, unknown>;
}

/** Baileys' WAMessageStatus as Evolution names it, in order: a message only moves forward. */
export const ACK_STATUSES = ["ERROR", "PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED"] as const;
export type AckStatus = (typeof ACK_STATUSES)[number];

export function ackRank(status: AckStatus): number {
  return ACK_STATUSES.indexOf(status);
}

/** A protobuf Long as Baileys' objects reach JSON (file sizes, media key timestamps). */
export function protoLong(value: number, unsigned = true): { low: number; high: number; unsigned: boolean } {
  return { low: value % 2 ** 32 | 0, high: Math.floor(value / 2 ** 32), unsigned };
}

export const PHONE_SUFFIX = "@s.whatsapp.net";
export const LID_SUFFIX = "@lid";

export function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

/** Evolution's createJid for one-to-one chats: bare digits become a phone JID, JIDs pass through. */
export function jidFor(number: string): string {
  return number.includes("@") ? number : `${digitsOf(number)}${PHONE_SUFFIX}`;
}

export function unixSeconds(ms = Date.now()): number {
  return Math.floor(ms / 1000);
}

/** Baileys sends from "3EB0" + 18 hex; phones send 32 hex (Android) — the shapes the real ids have. */
export function outboundMessageId(): string {
  return `3EB0${randomBytes(9).toString("hex").toUpperCase()}`;
}

export function inboundMessageId(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

/** Baileys' getDevice: the sender's platform is guessed from the id's shape. */
export function deviceOf(id: string): MessageRaw["source"] {
  if (/^3A.{18}$/.test(id)) return "ios";
  if (/^3E.{20}$/.test(id)) return "web";
  if (/^(.{21}|.{32})$/.test(id)) return "android";
  if (/^(3F|.{18}$)/.test(id)) return "desktop";
  return "unknown";
}

/** A stable 15-digit LID per phone number, so one customer keeps one LID across messages. */
export function lidFor(number: string): string {
  const hex = createHash("sha256").update(`lid:${number}`).digest("hex").slice(0, 12);
  return `1${(BigInt(`0x${hex}`) % 10n ** 14n).toString().padStart(14, "0")}`;
}

/**
 * Evolution stamps `date_time` with the server's local wall-clock time but a `Z` suffix
 * (it shifts by the timezone offset before `toISOString`); reproduced so receivers learn not to trust it.
 */
export function evolutionDateTime(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString();
}

/** The text Baileys encodes in its pairing QR: ref, noise key, identity key, adv secret. */
export function pairingQrText(): string {
  const part = (bytes: number) => randomBytes(bytes).toString("base64");
  return `2@${part(66)},${part(32)},${part(32)},${part(32)}`;
}

export function pairingCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTVWXYZ0123456789";
  return Array.from(randomBytes(8), (byte) => alphabet[byte % alphabet.length]).join("");
}

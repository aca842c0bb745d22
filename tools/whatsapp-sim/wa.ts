import { createHash, randomBytes } from "node:crypto";

/** Text message as Evolution v2 puts it in `messages.upsert` / `send.message` data and sendText answers. */
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
  status: "PENDING" | "DELIVERY_ACK";
  message: { conversation: string };
  messageType: "conversation";
  messageTimestamp: number;
  instanceId: string;
  source: "android" | "ios" | "web" | "desktop" | "unknown";
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

import type { MessageKind } from "../types";
import { asContent, epochMsField, numberField, textField, type Content } from "./primitives";

/**
 * What one WhatsApp message (Baileys' `proto.IMessage` as Evolution serializes it) carries: a text,
 * a file, a place, a contact card; or an action on another message (reaction, edit, revoke). Pure.
 */

/** What WhatsApp says of a file at once; the file itself is fetched later (convex media download). */
export type MediaFacts = { mimeType?: string; size?: number; durationSec?: number; fileName?: string; voiceNote?: boolean };
export type LocationFacts = { latitude: number; longitude: number; name?: string; address?: string };
export type SharedContactFacts = { name: string; phone?: string };
/** The message a reply quotes: its WhatsApp id, and its words (text or caption) or its kind. */
export type QuotedFacts = { externalId: string; text?: string; kind?: MessageKind };

export type Body = {
  kind: MessageKind;
  /** The text, or a file's caption; "" for a caption-less file (the kind says what it is). */
  text: string;
  media?: MediaFacts;
  location?: LocationFacts;
  sharedContact?: SharedContactFacts;
};

/** An action on an earlier message, named by its WhatsApp id (`key.id`). */
export type Action =
  | { action: "reaction"; target: string; emoji: string; at?: number }
  | { action: "edit"; target: string; text: string; at?: number }
  | { action: "revoke"; target: string; at?: number };

/** Wrappers WhatsApp puts around the real content (disappearing, view-once, captioned documents, edits). */
const WRAPPERS = [
  "ephemeralMessage",
  "viewOnceMessage",
  "viewOnceMessageV2",
  "viewOnceMessageV2Extension",
  "documentWithCaptionMessage",
  "editedMessage",
];

/** Unwraps nested content (bounded: WhatsApp nests at most a couple of levels). */
export function innerContent(message: Content | null, depth = 0): Content | null {
  if (message === null || depth > 3) return message;
  for (const wrapper of WRAPPERS) {
    const inner = asContent(asContent(message[wrapper])?.message);
    if (inner !== null) return innerContent({ ...message, ...inner, [wrapper]: undefined }, depth + 1);
  }
  return message;
}

const FILE_FIELDS: [string, MessageKind][] = [
  ["imageMessage", "image"],
  ["videoMessage", "video"],
  ["ptvMessage", "video"],
  ["audioMessage", "audio"],
  ["documentMessage", "document"],
  ["stickerMessage", "sticker"],
];

function mediaFacts(file: Content, kind: MessageKind): MediaFacts {
  const facts: MediaFacts = {};
  const mimeType = textField(file, "mimetype");
  if (mimeType !== null) facts.mimeType = mimeType.split(";")[0].trim().toLowerCase();
  const size = numberField(file, "fileLength");
  if (size !== undefined) facts.size = size;
  const seconds = numberField(file, "seconds");
  if (seconds !== undefined && (kind === "audio" || kind === "video")) facts.durationSec = seconds;
  const fileName = textField(file, "fileName") ?? (kind === "document" ? textField(file, "title") : null);
  if (fileName !== null) facts.fileName = fileName.slice(0, 255);
  if (kind === "audio") facts.voiceNote = file.ptt === true;
  return facts;
}

/** The first phone number in a vCard (`TEL;type=CELL;waid=5511…:+55 11 …`), digits only. */
export function firstVcardPhone(vcard: string): string | undefined {
  const line = vcard.split(/\r?\n/).find((row) => /^(item\d+\.)?TEL/i.test(row));
  if (line === undefined) return undefined;
  const waid = /waid=(\d+)/i.exec(line)?.[1];
  const digits = waid ?? line.slice(line.indexOf(":") + 1).replace(/\D/g, "");
  return digits.length > 0 ? digits : undefined;
}

function contactCard(card: Content): SharedContactFacts | null {
  const vcard = textField(card, "vcard");
  const fromVcard = vcard === null ? null : /^FN:(.+)$/im.exec(vcard)?.[1]?.trim();
  const name = textField(card, "displayName") ?? fromVcard ?? null;
  if (name === null) return null;
  const phone = vcard === null ? undefined : firstVcardPhone(vcard);
  return phone === undefined ? { name } : { name, phone };
}

function locationOf(place: Content): LocationFacts | null {
  const latitude = place.degreesLatitude;
  const longitude = place.degreesLongitude;
  if (typeof latitude !== "number" || typeof longitude !== "number") return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  const facts: LocationFacts = { latitude, longitude };
  const name = textField(place, "name");
  const address = textField(place, "address");
  if (name !== null) facts.name = name;
  if (address !== null) facts.address = address;
  return facts;
}

/** The body of a message a person wrote or sent, or null for anything else (actions, keys, unknown kinds). */
export function bodyOf(raw: Content | null | undefined): Body | null {
  const message = innerContent(raw ?? null);
  if (message === null) return null;
  const text = textField(message, "conversation") ?? textField(message.extendedTextMessage, "text");
  if (text !== null) return { kind: "text", text };
  for (const [field, kind] of FILE_FIELDS) {
    const file = asContent(message[field]);
    if (file === null) continue;
    return { kind, text: textField(file, "caption") ?? "", media: mediaFacts(file, kind) };
  }
  const place = asContent(message.locationMessage) ?? asContent(message.liveLocationMessage);
  if (place !== null) {
    const location = locationOf(place);
    return location === null ? null : { kind: "location", text: textField(place, "comment") ?? "", location };
  }
  const cards = asContent(message.contactsArrayMessage)?.contacts;
  const card = asContent(message.contactMessage) ?? (Array.isArray(cards) ? asContent(cards[0]) : null);
  if (card !== null) {
    const sharedContact = contactCard(card);
    return sharedContact === null ? null : { kind: "contact", text: "", sharedContact };
  }
  // A poll is stored as its question: the words a person wrote.
  const poll = textField(message.pollCreationMessage, "name") ?? textField(message.pollCreationMessageV3, "name");
  if (poll !== null) return { kind: "text", text: poll };
  return null;
}

const REVOKE = new Set<unknown>([0, "REVOKE"]);
const MESSAGE_EDIT = new Set<unknown>([14, "MESSAGE_EDIT"]);

const targetOf = (value: unknown): string | null => textField(asContent(value)?.key, "id");

/** A protocol message (`{ key, type, editedMessage, timestampMs }`) as an edit or a revoke. */
export function protocolAction(protocol: Content | null): Action | null {
  if (protocol === null) return null;
  const target = targetOf(protocol);
  if (target === null) return null;
  const at = epochMsField(protocol, "timestampMs");
  const edited = asContent(protocol.editedMessage);
  if (MESSAGE_EDIT.has(protocol.type) || (protocol.type === undefined && edited !== null)) {
    const body = bodyOf(edited);
    return body === null ? null : { action: "edit", target, text: body.text, at };
  }
  if (REVOKE.has(protocol.type)) return { action: "revoke", target, at };
  return null;
}

/** Reactions, edits and revokes: what a message does to an earlier one, or null for a message of its own. */
export function actionOf(raw: Content | null | undefined): Action | null {
  if (!raw) return null;
  const reaction = asContent(raw.reactionMessage);
  if (reaction !== null) {
    const target = targetOf(reaction);
    if (target === null) return null;
    const emoji = typeof reaction.text === "string" ? reaction.text : "";
    return { action: "reaction", target, emoji, at: epochMsField(reaction, "senderTimestampMs") };
  }
  const edited = asContent(asContent(raw.editedMessage)?.message);
  const protocol = asContent(raw.protocolMessage) ?? asContent(edited?.protocolMessage);
  return protocolAction(protocol);
}

/** Longest quoted text kept with a reply (the quoted message itself, when stored, has the rest). */
const QUOTE_LENGTH = 280;

/** The quote of a reply: `contextInfo.stanzaId` and `quotedMessage`, on the data or inside the content. */
export function quotedOf(contextInfos: unknown[]): QuotedFacts | undefined {
  for (const info of contextInfos.map(asContent)) {
    const externalId = textField(info, "stanzaId");
    if (info === null || externalId === null) continue;
    const quoted: QuotedFacts = { externalId };
    const body = bodyOf(asContent(info.quotedMessage));
    if (body !== null) {
      quoted.kind = body.kind;
      if (body.text !== "") quoted.text = body.text.slice(0, QUOTE_LENGTH);
    }
    return quoted;
  }
  return undefined;
}

/** Every `contextInfo` a message may carry: inside its (unwrapped) content object. */
export function contentContextInfos(raw: Content | null | undefined): unknown[] {
  const message = innerContent(raw ?? null);
  if (message === null) return [];
  return Object.values(message)
    .map((value) => asContent(value)?.contextInfo)
    .filter((info) => info !== undefined && info !== null);
}

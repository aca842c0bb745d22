import type { Instance } from "./instances";
import { mediaContent, type StoredMedia } from "./media";
import {
  deviceOf,
  digitsOf,
  inboundMessageId,
  jidFor,
  LID_SUFFIX,
  lidFor,
  outboundMessageId,
  PHONE_SUFFIX,
  unixSeconds,
  type AckStatus,
  type ContextInfo,
  type MessageRaw,
} from "./wa";

/** Someone chatting with the business; `number` (digits) identifies the thread, `lid` the privacy alias. */
export interface Customer {
  number: string;
  name: string;
  lid: string | null;
}

export interface Location {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** What one message carries: text, a file (with an optional caption) or a location. */
export type Content =
  | { kind: "text"; text: string }
  | { kind: "media"; media: StoredMedia; caption?: string }
  | { kind: "location"; location: Location };

/** One line of a thread as the phone page shows it. */
export interface ChatEntry {
  id: string;
  customer: string;
  direction: "in" | "out";
  /** The text, a file's caption, or "" (a file without caption, a location). */
  text: string;
  timestamp: number;
  kind: "text" | "image" | "audio" | "video" | "document" | "location";
  media?: Omit<StoredMedia, "base64">;
  location?: Location;
  quoted?: { id: string; text: string };
  /** The JID the business addressed (its messages.update deliveries name it). */
  remoteJid?: string;
  /** Business messages: how far the customer's phone has acknowledged it. */
  status?: AckStatus;
  /** The customer's reaction to a business message ("" or absent: none). */
  reaction?: string;
  editedAt?: number;
  deletedAt?: number;
}

export interface InboundInput {
  from: string;
  content: Content;
  pushName?: string;
  /** true: a LID derived from the number; a string: that LID; false: a plain phone-number sender. */
  lid?: boolean | string;
  id?: string;
  timestamp?: number;
  /** The id of the message this one replies to. */
  quotedId?: string;
}

function upsertCustomer(instance: Instance, input: Pick<InboundInput, "from" | "lid" | "pushName">): Customer {
  const number = digitsOf(input.from);
  const known = instance.customers.get(number);
  let lid = known?.lid ?? null;
  if (input.lid === true) lid = lid ?? lidFor(number);
  else if (typeof input.lid === "string") lid = digitsOf(input.lid);
  else if (input.lid === false) lid = null;
  const customer: Customer = { number, name: input.pushName ?? known?.name ?? number, lid };
  instance.customers.set(number, customer);
  return customer;
}

/** The key of a customer's message: LID senders carry the phone JID in `remoteJidAlt`. */
export function customerKey(customer: Customer, id: string): MessageRaw["key"] {
  const phoneJid = `${customer.number}${PHONE_SUFFIX}`;
  return customer.lid
    ? { remoteJid: `${customer.lid}${LID_SUFFIX}`, remoteJidAlt: phoneJid, fromMe: false, id, participant: "", addressingMode: "lid" }
    : { remoteJid: phoneJid, fromMe: false, id };
}

/** The `message` and `messageType` Evolution's prepareMessage produces for the content. */
function contentOf(content: Content, timestamp: number): { message: Record<string, unknown>; messageType: string } {
  if (content.kind === "text") return { message: { conversation: content.text }, messageType: "conversation" };
  if (content.kind === "location") {
    const { latitude, longitude, name, address } = content.location;
    return { message: { locationMessage: { degreesLatitude: latitude, degreesLongitude: longitude, name, address } }, messageType: "locationMessage" };
  }
  const message = mediaContent(content.media, content.caption, timestamp);
  return { message, messageType: Object.keys(message)[0] };
}

/** What a quote shows of a message: its text, or what kind of message it was. */
export function quotedMessageOf(entry: ChatEntry): Record<string, unknown> {
  if (entry.kind === "text") return { conversation: entry.text };
  if (entry.kind === "location") return { locationMessage: { degreesLatitude: entry.location?.latitude, degreesLongitude: entry.location?.longitude } };
  const kind = `${entry.kind}Message`;
  return { [kind]: { mimetype: entry.media?.mimetype, caption: entry.text || undefined, fileName: entry.media?.fileName ?? undefined } };
}

function entryFields(content: Content): Pick<ChatEntry, "text" | "kind" | "media" | "location"> {
  if (content.kind === "text") return { text: content.text, kind: "text" };
  if (content.kind === "location") return { text: "", kind: "location", location: content.location };
  const { base64: _bytes, ...media } = content.media;
  return { text: content.caption ?? "", kind: content.media.mediaType, media };
}

/** The quote Evolution lifts to the top level: the quoted message's id, author and content. */
function contextOf(instance: Instance, quoted: ChatEntry | undefined, customer: Customer): ContextInfo | undefined {
  if (!quoted) return undefined;
  const author = quoted.direction === "out" ? `${instance.number}${PHONE_SUFFIX}` : `${customer.number}${PHONE_SUFFIX}`;
  return { stanzaId: quoted.id, participant: author, quotedMessage: quotedMessageOf(quoted) };
}

function withBase64(message: Record<string, unknown>, content: Content, inline: boolean): Record<string, unknown> {
  return inline && content.kind === "media" ? { ...message, base64: content.media.base64 } : message;
}

/** `messages.upsert` data for a customer's message (with the file inline when the webhook asks for base64). */
export function receivedMessage(instance: Instance, input: InboundInput, quoted?: ChatEntry): { raw: MessageRaw; entry: ChatEntry } {
  const customer = upsertCustomer(instance, input);
  const id = input.id ?? inboundMessageId();
  const timestamp = input.timestamp ?? unixSeconds();
  const { message, messageType } = contentOf(input.content, timestamp);
  const contextInfo = contextOf(instance, quoted, customer);
  const raw: MessageRaw = {
    key: customerKey(customer, id),
    pushName: customer.name,
    status: "DELIVERY_ACK",
    message: withBase64(message, input.content, instance.webhook?.base64 ?? false),
    ...(contextInfo ? { contextInfo } : {}),
    messageType,
    messageTimestamp: timestamp,
    instanceId: instance.instanceId,
    source: deviceOf(id),
  };
  const quote = quoted ? { quoted: { id: quoted.id, text: quoted.text } } : {};
  return { raw, entry: { id, customer: customer.number, direction: "in", timestamp, ...entryFields(input.content), ...quote } };
}

/** Which thread an outbound JID belongs to: LID JIDs map back to the customer that owns the LID. */
export function customerFor(instance: Instance, remoteJid: string): Customer {
  const [user, server] = remoteJid.split("@");
  if (`@${server}` === LID_SUFFIX) {
    const owner = [...instance.customers.values()].find((customer) => customer.lid === user);
    if (owner) return owner;
  }
  const number = digitsOf(user);
  const customer = instance.customers.get(number) ?? { number, name: number, lid: null };
  instance.customers.set(number, customer);
  return customer;
}

/** sendText / sendMedia's answer and `send.message` data: Evolution's prepared message, still PENDING. */
export function sentMessage(instance: Instance, number: string, content: Content, quotedId?: string): { raw: MessageRaw; entry: ChatEntry } {
  const remoteJid = jidFor(number);
  const customer = customerFor(instance, remoteJid);
  const quoted = quotedId ? instance.chat.find((entry) => entry.id === quotedId && entry.customer === customer.number) : undefined;
  const id = outboundMessageId();
  const timestamp = unixSeconds();
  const { message, messageType } = contentOf(content, timestamp);
  const contextInfo = contextOf(instance, quoted, customer);
  const raw: MessageRaw = {
    key: { remoteJid, fromMe: true, id },
    status: "PENDING",
    message,
    ...(contextInfo ? { contextInfo } : {}),
    messageType,
    messageTimestamp: timestamp,
    instanceId: instance.instanceId,
    source: deviceOf(id),
  };
  const quote = quoted ? { quoted: { id: quoted.id, text: quoted.text } } : {};
  const entry: ChatEntry = { id, customer: customer.number, direction: "out", timestamp, remoteJid, status: "PENDING", ...entryFields(content), ...quote };
  return { raw, entry };
}

export { jidFor };

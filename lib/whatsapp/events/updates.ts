import { z } from "zod";
import type { Delivery } from "../types";
import { protocolAction } from "./content";
import { asContent, digitsOfJid, groupOrBroadcast, issuesOf, personJids, textField } from "./primitives";

/**
 * Events about messages and people already known: `messages.update` (delivery), `messages.edited`,
 * `messages.delete`, `contacts.upsert` / `contacts.update`. Each may carry one object or an array. Pure.
 */

/** A delivery report for one of our messages (`fromMe`), or for the customer's (ignored downstream). */
export type StatusChange = { kind: "status"; target: string; fromMe: boolean; delivery: Delivery };
export type EditChange = { kind: "edit"; target: string; text: string; at?: number };
export type DeleteChange = { kind: "delete"; target: string; at?: number };
/** What WhatsApp tells of a person: their JIDs (phone and LID when both known), name and picture. */
export type ContactChange = { kind: "contact"; waJid: string; waJidAlt?: string; whatsappName?: string; profilePictureUrl?: string };

export type UpdateParse<T> = { ok: true; changes: T[] } | { ok: false; issues: string[] };

/** One delivery may carry many updates (history sync): more than this are cut (logged by the caller). */
export const MAX_CHANGES_PER_DELIVERY = 200;

const listOf = (data: unknown): unknown[] => (Array.isArray(data) ? data.slice(0, MAX_CHANGES_PER_DELIVERY) : [data]);

/** Evolution's status names (Baileys' WAMessageStatus, renderStatus.ts), or their numbers 0-5. */
const STATUS: Record<string, Delivery | "deleted"> = {
  ERROR: "failed",
  "0": "failed",
  PENDING: "pending",
  "1": "pending",
  SERVER_ACK: "sent",
  "2": "sent",
  DELIVERY_ACK: "delivered",
  "3": "delivered",
  READ: "read",
  "4": "read",
  PLAYED: "played",
  "5": "played",
  DELETED: "deleted",
};

const statusData = z.object({
  keyId: z.string().min(1).max(200).nullish(),
  remoteJid: z.string().nullish(),
  fromMe: z.boolean().nullish(),
  status: z.union([z.string(), z.number()]).nullish(),
  key: z.object({ id: z.string().min(1).max(200), remoteJid: z.string().nullish(), fromMe: z.boolean().nullish() }).nullish(),
  update: z.object({ status: z.union([z.string(), z.number()]).nullish() }).nullish(),
});

/** `messages.update`: `{ keyId, remoteJid, fromMe, status }` (Evolution) or `{ key, update: { status } }` (Baileys). */
export function parseStatusUpdates(data: unknown): UpdateParse<StatusChange | DeleteChange> {
  const changes: (StatusChange | DeleteChange)[] = [];
  for (const item of listOf(data)) {
    const parsed = statusData.safeParse(item);
    if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
    const { keyId, key, remoteJid, fromMe, status, update } = parsed.data;
    const target = keyId ?? key?.id;
    if (!target) return { ok: false, issues: ["keyId: required"] };
    const jid = remoteJid ?? key?.remoteJid;
    if (jid && groupOrBroadcast(jid) !== null) continue;
    const state = STATUS[String(status ?? update?.status ?? "").toUpperCase()];
    if (state === undefined) continue;
    if (state === "deleted") changes.push({ kind: "delete", target });
    else changes.push({ kind: "status", target, fromMe: (fromMe ?? key?.fromMe) === true, delivery: state });
  }
  return { ok: true, changes };
}

/**
 * `messages.edited`: Evolution sends the protocol message itself (`{ key, type, editedMessage,
 * timestampMs }`): type MESSAGE_EDIT (14) is an edit, REVOKE (0) a delete for everyone.
 */
export function parseEdited(data: unknown): UpdateParse<EditChange | DeleteChange> {
  const changes: (EditChange | DeleteChange)[] = [];
  for (const item of listOf(data)) {
    const content = asContent(item);
    if (content === null) return { ok: false, issues: ["data: expected an object"] };
    // Also accepted: a whole message wrapping it (`{ key, message: { protocolMessage } }`).
    const message = asContent(content.message);
    const protocol = asContent(message?.protocolMessage) ?? asContent(asContent(asContent(message?.editedMessage)?.message)?.protocolMessage) ?? content;
    const action = protocolAction(protocol);
    if (action === null) continue;
    // No provider time: the ingest stamps it on arrival (an absent field, never an undefined one).
    const at = action.at === undefined ? {} : { at: action.at };
    if (action.action === "edit") changes.push({ kind: "edit", target: action.target, text: action.text, ...at });
    else if (action.action === "revoke") changes.push({ kind: "delete", target: action.target, ...at });
  }
  return { ok: true, changes };
}

/** `messages.delete`: the deleted message's key, bare (`{ remoteJid, fromMe, id }`) or as `{ key }`. */
export function parseDeleted(data: unknown): UpdateParse<DeleteChange> {
  const changes: DeleteChange[] = [];
  for (const item of listOf(data)) {
    const content = asContent(item);
    const key = asContent(content?.key) ?? content;
    const target = textField(key, "id");
    if (target === null) return { ok: false, issues: ["id: required"] };
    const jid = textField(key, "remoteJid");
    if (jid !== null && groupOrBroadcast(jid) !== null) continue;
    changes.push({ kind: "delete", target });
  }
  return { ok: true, changes };
}

const contactData = z.object({
  remoteJid: z.string().nullish(),
  id: z.string().nullish(),
  lid: z.string().nullish(),
  jid: z.string().nullish(),
  phoneNumber: z.string().nullish(),
  remoteJidAlt: z.string().nullish(),
  senderPn: z.string().nullish(),
  pushName: z.string().nullish(),
  name: z.string().nullish(),
  notify: z.string().nullish(),
  verifiedName: z.string().nullish(),
  profilePicUrl: z.string().nullish(),
  imgUrl: z.string().nullish(),
});

/** A usable picture URL: http(s) only (it ends up in an img src); Baileys' "changed" marker is not one. */
function pictureUrl(value: string | null | undefined): string | undefined {
  if (!value || !/^https?:\/\//i.test(value) || value.length > 2048) return undefined;
  return value;
}

/**
 * `contacts.upsert` / `contacts.update`: Evolution's `{ remoteJid, pushName, profilePicUrl }` or
 * Baileys' `{ id, name, notify, lid, phoneNumber, imgUrl }`. Evolution fills a missing name with the
 * number's digits: that is no name.
 */
export function parseContacts(data: unknown): UpdateParse<ContactChange> {
  const changes: ContactChange[] = [];
  for (const item of listOf(data)) {
    const parsed = contactData.safeParse(item);
    if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
    const row = parsed.data;
    const primary = row.remoteJid ?? row.id;
    if (!primary || groupOrBroadcast(primary) !== null) continue;
    const jids = personJids([primary, row.remoteJidAlt, row.senderPn, row.jid, row.phoneNumber, row.lid]);
    if (jids === null) continue;
    const change: ContactChange = { kind: "contact", ...jids };
    const name = [row.pushName, row.notify, row.name, row.verifiedName].map((value) => value?.trim()).find((value) => value);
    if (name && name !== digitsOfJid(primary) && name.length <= 200) change.whatsappName = name;
    const picture = pictureUrl(row.profilePicUrl ?? row.imgUrl);
    if (picture !== undefined) change.profilePictureUrl = picture;
    changes.push(change);
  }
  return { ok: true, changes };
}

import { v, type Infer } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import {
  authorValidator,
  deliveryValidator,
  directionValidator,
  sessionStatusValidator,
  spinStageValidator,
} from "../schema";

/** Longest text kept on a session for the conversation list. */
export const PREVIEW_LENGTH = 140;
/** WhatsApp's own limit for one text message. */
export const MAX_TEXT_LENGTH = 4096;

export const sessionListItemValidator = v.object({
  _id: v.id("sessions"),
  agentId: v.id("agents"),
  agentName: v.string(),
  contactName: v.union(v.string(), v.null()),
  contactNumber: v.string(),
  stage: spinStageValidator,
  status: sessionStatusValidator,
  unreadCount: v.number(),
  lastMessageAt: v.number(),
  lastMessagePreview: v.union(v.string(), v.null()),
  lastMessageDirection: v.union(directionValidator, v.null()),
  botPaused: v.boolean(),
  needsAttention: v.boolean(),
  handoffSuggested: v.boolean(),
});
export type SessionListItem = Infer<typeof sessionListItemValidator>;

export const messageViewValidator = v.object({
  _id: v.id("messages"),
  direction: directionValidator,
  author: authorValidator,
  text: v.string(),
  sentAt: v.number(),
  delivery: deliveryValidator,
  stage: v.union(spinStageValidator, v.null()),
});
export type MessageView = Infer<typeof messageViewValidator>;

export const stageEventViewValidator = v.object({
  _id: v.id("stageEvents"),
  from: v.union(spinStageValidator, v.null()),
  to: spinStageValidator,
  at: v.number(),
  confidence: v.number(),
  cues: v.array(v.string()),
  // The customer's words that moved the stage; null when unknown (e.g. the message was purged).
  messageText: v.union(v.string(), v.null()),
});

/** The international digits of a JID: `5511999990001:12@s.whatsapp.net` → `5511999990001`. */
export function digitsOfJid(jid: string): string {
  const user = jid.split("@")[0].split(":")[0];
  return user.replace(/\D/g, "");
}

/**
 * What the gateway's `sendText` gets for a contact: the phone digits of its phone JID; a contact
 * whose only identity is a LID keeps the full JID, because LID digits are not a phone number.
 */
export function sendTargetOf(contact: Pick<Doc<"contacts">, "waJid">): string {
  return contact.waJid.endsWith("@s.whatsapp.net") ? digitsOfJid(contact.waJid) : contact.waJid;
}

export function previewOf(text: string): string {
  return text.length > PREVIEW_LENGTH ? text.slice(0, PREVIEW_LENGTH) : text;
}

/** The session's denormalized fields after storing one message (the data rules of issue 4). */
export function sessionPatchForMessage(
  session: Pick<Doc<"sessions">, "lastMessageAt" | "unreadCount">,
  message: { text: string; sentAt: number; direction: Doc<"messages">["direction"] },
): Partial<Doc<"sessions">> {
  const isNewest = message.sentAt >= session.lastMessageAt;
  return {
    lastMessageAt: Math.max(session.lastMessageAt, message.sentAt),
    ...(isNewest ? { lastMessagePreview: previewOf(message.text), lastMessageDirection: message.direction } : {}),
    ...(message.direction === "in" ? { unreadCount: session.unreadCount + 1 } : {}),
  };
}

/** One row of the conversation list: the session joined with its contact and agent. */
export async function toSessionListItem(db: DatabaseReader, session: Doc<"sessions">): Promise<SessionListItem> {
  const contact = await db.get("contacts", session.contactId);
  const agent = await db.get("agents", session.agentId);
  return {
    _id: session._id,
    agentId: session.agentId,
    // Deleted agents keep their row, so their conversations still show a name.
    agentName: agent?.name ?? "",
    contactName: contact?.name ?? null,
    contactNumber: contact ? digitsOfJid(contact.waJid) : "",
    stage: session.stage,
    status: session.status,
    unreadCount: session.unreadCount,
    lastMessageAt: session.lastMessageAt,
    lastMessagePreview: session.lastMessagePreview ?? null,
    lastMessageDirection: session.lastMessageDirection ?? null,
    botPaused: session.botPaused,
    needsAttention: session.needsAttention,
    handoffSuggested: session.handoffSuggested ?? false,
  };
}

export function toMessageView(message: Doc<"messages">): MessageView {
  return {
    _id: message._id,
    direction: message.direction,
    author: message.author,
    text: message.text,
    sentAt: message.sentAt,
    delivery: message.delivery,
    stage: message.stage ?? null,
  };
}

const DELIVERY_RANK: Record<Doc<"messages">["delivery"], number> = { failed: 0, pending: 1, sent: 2, delivered: 3, read: 4 };

/** Delivery only moves forward (a late "sent" never undoes "read"). */
export function laterDelivery(a: Doc<"messages">["delivery"], b: Doc<"messages">["delivery"]): Doc<"messages">["delivery"] {
  return DELIVERY_RANK[b] > DELIVERY_RANK[a] ? b : a;
}

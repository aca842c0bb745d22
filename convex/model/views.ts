import { v, type Infer } from "convex/values";
import { agentFields, locationValidator, mediaValidator, messageFields, messageKindValidator, sessionFields, sharedContactValidator, stageEventFields } from "../schema";

/**
 * What public functions return for sessions, messages and the SPIN timeline. Each field's validator
 * is the stored field's own (schema.ts); optional fields come back as null, never absent.
 */

export const sessionListItemValidator = v.object({
  _id: v.id("sessions"),
  agentId: sessionFields.agentId,
  agentName: v.string(),
  contactName: v.union(v.string(), v.null()),
  contactNumber: v.string(),
  stage: sessionFields.stage,
  status: sessionFields.status,
  // The viewer's own: customer messages since they last read it (per member, never shared).
  unreadCount: v.number(),
  // The viewer's read mark (customer message number): the thread's "new" divider comes after it.
  readSeq: v.number(),
  // The owner, or null when unassigned.
  assignee: v.union(v.object({ userId: v.id("users"), name: v.string(), imageUrl: v.union(v.string(), v.null()) }), v.null()),
  snoozedUntil: v.union(v.number(), v.null()),
  lastMessageAt: sessionFields.lastMessageAt,
  lastMessagePreview: v.union(v.string(), v.null()),
  lastMessageDirection: v.union(messageFields.direction, v.null()),
  // The newest message's kind when not text (the list renders "📷 Photo"); null for text.
  lastMessageKind: v.union(messageKindValidator, v.null()),
  lastMessageDeleted: v.boolean(),
  botPaused: sessionFields.botPaused,
  needsAttention: sessionFields.needsAttention,
  handoffSuggested: v.boolean(),
  // In the waiting-for-a-person queue since then (a handoff, or the bot off); null when not waiting.
  waitingSince: v.union(v.number(), v.null()),
  contactOptedOut: v.boolean(),
  // Whether the agent's number can still send: a removed or disconnected number disables the composer.
  agentStatus: agentFields.status,
  agentDeleted: v.boolean(),
  // The conversation's labels (model/labels.ts), by name.
  labels: v.array(v.object({ _id: v.id("labels"), name: v.string(), color: v.string() })),
});
export type SessionListItem = Infer<typeof sessionListItemValidator>;

/** A message's file as the thread shows it; its link comes from media.fileUrl (members only). */
export const mediaViewValidator = v.object({
  state: mediaValidator.fields.state,
  mimeType: v.union(v.string(), v.null()),
  size: v.union(v.number(), v.null()),
  durationSec: v.union(v.number(), v.null()),
  fileName: v.union(v.string(), v.null()),
  voiceNote: v.boolean(),
});

export const messageViewValidator = v.object({
  _id: v.id("messages"),
  direction: messageFields.direction,
  author: messageFields.author,
  // Null for a message the customer deleted: its words stay in the database for the audit only.
  text: v.union(messageFields.text, v.null()),
  sentAt: messageFields.sentAt,
  delivery: messageFields.delivery,
  stage: v.union(stageEventFields.to, v.null()),
  // "text" for rows stored before kinds existed.
  kind: messageKindValidator,
  media: v.union(mediaViewValidator, v.null()),
  location: v.union(locationValidator, v.null()),
  sharedContact: v.union(sharedContactValidator, v.null()),
  // `kind` names a quoted file that has no words ("📄 Documento").
  quoted: v.union(
    v.object({
      externalId: v.string(),
      text: v.union(v.string(), v.null()),
      kind: v.union(messageKindValidator, v.null()),
      messageId: v.union(v.id("messages"), v.null()),
    }),
    v.null(),
  ),
  reactions: v.array(v.object({ emoji: v.string(), fromMe: v.boolean() })),
  editedAt: v.union(v.number(), v.null()),
  previousTexts: v.array(v.string()),
  deleted: v.boolean(),
  // Customer messages' number in the session (the "new" divider compares it with the reader's mark).
  inboundSeq: v.union(v.number(), v.null()),
  // Who wrote it (model/authors.ts): the member, or the bot's persona; null for the customer and for
  // a "human" message typed on the linked phone (no member known).
  authorName: v.union(v.string(), v.null()),
  authorImageUrl: v.union(v.string(), v.null()),
});
export type MessageView = Infer<typeof messageViewValidator>;

export const stageEventViewValidator = v.object({
  _id: v.id("stageEvents"),
  from: stageEventFields.from,
  to: stageEventFields.to,
  at: stageEventFields.at,
  confidence: v.union(v.number(), v.null()),
  // The customer's words that showed the stage ("perdemos uns 20 pedidos"); null on older events.
  quote: v.union(v.string(), v.null()),
  cues: v.array(v.string()),
  // The customer's words that moved the stage; null when unknown (e.g. the message was purged).
  messageText: v.union(v.string(), v.null()),
});

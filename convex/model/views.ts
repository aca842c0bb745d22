import { v, type Infer } from "convex/values";
import { messageFields, sessionFields, stageEventFields } from "../schema";

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
  unreadCount: sessionFields.unreadCount,
  lastMessageAt: sessionFields.lastMessageAt,
  lastMessagePreview: v.union(v.string(), v.null()),
  lastMessageDirection: v.union(messageFields.direction, v.null()),
  botPaused: sessionFields.botPaused,
  needsAttention: sessionFields.needsAttention,
  handoffSuggested: v.boolean(),
  // In the waiting-for-a-person queue since then (a handoff, or the bot off); null when not waiting.
  waitingSince: v.union(v.number(), v.null()),
  contactOptedOut: v.boolean(),
  // The conversation's labels (model/labels.ts), by name.
  labels: v.array(v.object({ _id: v.id("labels"), name: v.string(), color: v.string() })),
});
export type SessionListItem = Infer<typeof sessionListItemValidator>;

export const messageViewValidator = v.object({
  _id: v.id("messages"),
  direction: messageFields.direction,
  author: messageFields.author,
  text: messageFields.text,
  sentAt: messageFields.sentAt,
  delivery: messageFields.delivery,
  stage: v.union(stageEventFields.to, v.null()),
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

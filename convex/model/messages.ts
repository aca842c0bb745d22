import { searchTextOf } from "../../lib/inbox/search-text";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { applyPendingUpdates } from "./messageUpdates";
import type { MessageView } from "./views";

/**
 * Stored messages, and the one way our own sends meet their WhatsApp echo: whichever of the two is
 * stored first, the conversation ends up with one message, whose delivery only moves forward. Called
 * with an org-scoped db: row-level security keeps another org's messages out of every lookup.
 */

/** WhatsApp's own limit for one text message. */
export const MAX_TEXT_LENGTH = 4096;

type Delivery = Doc<"messages">["delivery"];

/** A text as stored: at most MAX_TEXT_LENGTH characters; a longer one keeps its length and a mark. */
export function storedText(text: string): { text: string; searchText: string; textLength?: number; truncated?: true } {
  // `searchText` is set here as well as by its trigger, so a new message costs no second write.
  if (text.length <= MAX_TEXT_LENGTH) return { text, searchText: searchTextOf(text) };
  const kept = text.slice(0, MAX_TEXT_LENGTH);
  return { text: kept, searchText: searchTextOf(kept), textLength: text.length, truncated: true };
}

const DELIVERY_RANK: Record<Delivery, number> = { failed: 0, pending: 1, sent: 2, delivered: 3, read: 4, played: 5 };

/** Reached the customer's phone: no later error report can make it undelivered. */
const arrived = (delivery: Delivery) => DELIVERY_RANK[delivery] >= DELIVERY_RANK.delivered;

/**
 * Delivery only moves forward, whatever order the reports arrive in: pending → sent → delivered →
 * read → played (a late "sent" never undoes "read"). An error fails a message that has not reached
 * the phone; a failed message moves on only when a later report says it did arrive.
 */
export function laterDelivery(current: Delivery, next: Delivery): Delivery {
  if (next === "failed") return arrived(current) ? current : "failed";
  if (current === "failed") return arrived(next) ? next : "failed";
  return DELIVERY_RANK[next] > DELIVERY_RANK[current] ? next : current;
}

export type MessageAuthor = { name: string; imageUrl: string | null };

/** `author`: from model/authors.ts, resolved once per page. */
export function toMessageView(message: Doc<"messages">, author: MessageAuthor | null = null): MessageView {
  const deleted = message.deletedAt !== undefined;
  return {
    _id: message._id,
    direction: message.direction,
    author: message.author,
    // A deleted message's words never leave the server (kept for the audit only).
    text: deleted ? null : message.text,
    sentAt: message.sentAt,
    delivery: message.delivery,
    stage: message.stage ?? null,
    inboundSeq: message.direction === "in" ? (message.inboundSeq ?? null) : null,
    authorName: author?.name ?? null,
    authorImageUrl: author?.imageUrl ?? null,
    ...richFieldsView(message, deleted),
  };
}

/** Kinds, files, quotes, reactions and edits (issue 12); a deleted message keeps none of its content. */
function richFieldsView(message: Doc<"messages">, deleted: boolean) {
  const { media, quoted } = message;
  return {
    kind: message.kind ?? "text",
    media:
      media === undefined || deleted
        ? null
        : {
            state: media.state,
            mimeType: media.mimeType ?? null,
            size: media.size ?? null,
            durationSec: media.durationSec ?? null,
            fileName: media.fileName ?? null,
            voiceNote: media.voiceNote ?? false,
          },
    location: deleted ? null : (message.location ?? null),
    sharedContact: deleted ? null : (message.sharedContact ?? null),
    quoted:
      quoted === undefined
        ? null
        : { externalId: quoted.externalId, text: quoted.text ?? null, kind: quoted.kind ?? null, messageId: quoted.messageId ?? null },
    reactions: (message.reactions ?? []).filter((reaction) => reaction.emoji !== "").map(({ emoji, fromMe }) => ({ emoji, fromMe })),
    editedAt: message.editedAt ?? null,
    previousTexts: deleted ? [] : (message.previousTexts ?? []).map((entry) => entry.text),
    deleted,
  };
}

/** The agent's message stored under this WhatsApp id (ids are unique per agent), if any. */
export async function messageByExternalId(db: DatabaseReader, agentId: Id<"agents">, externalId: string) {
  return db
    .query("messages")
    .withIndex("by_agent_and_externalId", (q) => q.eq("agentId", agentId).eq("externalId", externalId))
    .first();
}

/** A known outbound message heard of again (its echo, or a status): its delivery moves forward only. */
export async function advanceDelivery(db: DatabaseWriter, message: Doc<"messages">, delivery: Delivery): Promise<boolean> {
  const next = laterDelivery(message.delivery, delivery);
  if (next === message.delivery) return false;
  await db.patch("messages", message._id, { delivery: next });
  return true;
}

type OutboundDraft = Pick<Doc<"messages">, "author" | "text" | "sentAt" | "delivery"> &
  Partial<Pick<Doc<"messages">, "externalId" | "stage" | "answersThroughSeq" | "kind" | "media" | "quoted" | "authorUserId">>;

/**
 * Stores one of our sends. When its WhatsApp id is already known and the echo won the race (stored
 * as a message typed on the phone), the echo becomes this message instead of a duplicate.
 */
export async function recordOutbound(db: DatabaseWriter, session: Doc<"sessions">, draft: OutboundDraft): Promise<Id<"messages">> {
  const echo = draft.externalId ? await messageByExternalId(db, session.agentId, draft.externalId) : null;
  if (echo !== null && echo.direction === "out") {
    const { author, stage, answersThroughSeq, authorUserId } = draft;
    const delivery = laterDelivery(echo.delivery, draft.delivery);
    await db.patch("messages", echo._id, { author, stage, answersThroughSeq, authorUserId, delivery });
    return echo._id;
  }
  const { orgId, agentId, _id: sessionId } = session;
  const messageId = await db.insert("messages", { ...draft, searchText: searchTextOf(draft.text), orgId, agentId, sessionId, direction: "out" });
  if (draft.externalId !== undefined) await applyPendingUpdates(db, { messageId, orgId, agentId, externalId: draft.externalId });
  return messageId;
}

/**
 * A send stored before WhatsApp's id was known gets it now. An echo stored meanwhile under that id
 * (same session, same text) is folded into it: its delivery kept, the copy removed.
 */
export async function confirmOutbound(db: DatabaseWriter, message: Doc<"messages">, externalId: string): Promise<void> {
  let delivery = laterDelivery(message.delivery, "sent");
  const sameId = await db
    .query("messages")
    .withIndex("by_agent_and_externalId", (q) => q.eq("agentId", message.agentId).eq("externalId", externalId))
    .take(10);
  const isEcho = (row: Doc<"messages">) =>
    row._id !== message._id && row.sessionId === message.sessionId && row.direction === "out" && row.text === message.text;
  for (const echo of sameId.filter(isEcho)) {
    delivery = laterDelivery(delivery, echo.delivery);
    await db.delete("messages", echo._id);
  }
  await db.patch("messages", message._id, { externalId, delivery });
  // Its delivery reports may have come first (the webhook can beat the send's answer).
  await applyPendingUpdates(db, { messageId: message._id, orgId: message.orgId, agentId: message.agentId, externalId });
}

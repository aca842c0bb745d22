import { searchTextOf } from "../../lib/inbox/search-text";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
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

/** Delivery only moves forward (a late "sent" never undoes "read"). */
export function laterDelivery(a: Delivery, b: Delivery): Delivery {
  return DELIVERY_RANK[b] > DELIVERY_RANK[a] ? b : a;
}

export type MessageAuthor = { name: string; imageUrl: string | null };

/** `author`: from model/authors.ts, resolved once per page. */
export function toMessageView(message: Doc<"messages">, author: MessageAuthor | null = null): MessageView {
  return {
    _id: message._id,
    direction: message.direction,
    author: message.author,
    text: message.text,
    sentAt: message.sentAt,
    delivery: message.delivery,
    stage: message.stage ?? null,
    authorName: author?.name ?? null,
    authorImageUrl: author?.imageUrl ?? null,
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
  Partial<Pick<Doc<"messages">, "externalId" | "stage" | "answersThroughSeq" | "authorUserId">>;

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
  return db.insert("messages", { ...draft, searchText: searchTextOf(draft.text), orgId, agentId, sessionId, direction: "out" });
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
}

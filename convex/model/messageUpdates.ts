import type { Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import type { messageUpdateValidator } from "../schema";
import { laterDelivery, storedText } from "./messages";
import { previewOf } from "./sessions";

/**
 * What happens to a stored message after it arrived: delivery reports, edits, deletes for everyone and
 * reactions, each named by the message's WhatsApp id. Evolution delivers them in any order, even before
 * the message itself: those wait in `pendingMessageUpdates` until the message is stored. Every update
 * is idempotent (a replay changes nothing) and order-tolerant (an older one never undoes a newer one).
 */

export type MessageUpdate = Infer<typeof messageUpdateValidator>;

/** An edit history longer than this keeps its newest entries (WhatsApp allows a few edits in 15 minutes). */
const MAX_PREVIOUS_TEXTS = 20;
/** Updates waiting for one message: more are replays or noise. */
const MAX_PENDING_PER_MESSAGE = 20;

type Patch = Partial<Doc<"messages">>;
/** What updates read and change of a message: a stored one, or one about to be inserted. */
type MessageState = Pick<Doc<"messages">, "direction" | "delivery" | "text" | "editedAt" | "previousTexts" | "deletedAt" | "reactions">;

function editPatch(message: MessageState, text: string, at: number): Patch | null {
  // Older than the edit already shown (two edits delivered out of order), or a replay.
  if (message.editedAt !== undefined && at <= message.editedAt) return null;
  if (text === message.text) return null;
  const previousTexts = [...(message.previousTexts ?? []), { text: message.text, until: at }].slice(-MAX_PREVIOUS_TEXTS);
  const stored = storedText(text);
  // searchText set here rather than by the trigger's second write: one write per edit (ingest budget).
  return { text: stored.text, textLength: stored.textLength, truncated: stored.truncated, editedAt: at, previousTexts, searchText: stored.searchText };
}

/** One reaction per reactor (in a one-to-one chat: the customer, or the business); "" removes it. */
function reactionPatch(message: MessageState, update: Extract<MessageUpdate, { kind: "reaction" }>): Patch | null {
  const reactions = message.reactions ?? [];
  const current = reactions.find((reaction) => reaction.fromMe === update.fromMe);
  if (current !== undefined && current.at > update.at) return null;
  const others = reactions.filter((reaction) => reaction.fromMe !== update.fromMe);
  const next = update.emoji === "" ? others : [...others, { emoji: update.emoji, fromMe: update.fromMe, at: update.at }];
  if (JSON.stringify(next) === JSON.stringify(reactions)) return null;
  return { reactions: next.length === 0 ? undefined : next };
}

/** The change one update makes to a message, or null when it changes nothing. Pure. */
export function updatePatch(message: MessageState, update: MessageUpdate): Patch | null {
  switch (update.kind) {
    case "status": {
      // The customer's own messages are "delivered" by definition; our read receipts of them say nothing new.
      if (message.direction !== "out") return null;
      const delivery = laterDelivery(message.delivery, update.delivery);
      return delivery === message.delivery ? null : { delivery };
    }
    case "edit":
      return message.deletedAt === undefined ? editPatch(message, update.text, update.at) : null;
    case "delete":
      return message.deletedAt === undefined ? { deletedAt: update.at, searchText: "" } : null;
    case "reaction":
      return reactionPatch(message, update);
  }
}

/** Applies updates in order to one message; returns the message as written, and whether anything changed. */
async function applyAll(db: DatabaseWriter, message: Doc<"messages">, updates: MessageUpdate[]) {
  let current = message;
  let combined: Patch | null = null;
  for (const update of updates) {
    const patch = updatePatch(current, update);
    if (patch === null) continue;
    current = { ...current, ...patch };
    combined = { ...(combined ?? {}), ...patch };
  }
  if (combined === null) return { message, changed: false };
  await db.patch("messages", message._id, combined);
  return { message: current, changed: true };
}

/**
 * An edit of the conversation's newest message changes the list's preview too; a delete takes its
 * words out of the list (the customer withdrew them), which then says the message was deleted.
 */
async function refreshPreview(db: DatabaseWriter, before: Doc<"messages">, after: Doc<"messages">) {
  const deletedNow = before.deletedAt === undefined && after.deletedAt !== undefined;
  if (before.text === after.text && !deletedNow) return;
  const session = await db.get("sessions", after.sessionId);
  if (session === null || session.lastMessageAt !== after.sentAt) return;
  const preview = deletedNow ? { lastMessagePreview: "", lastMessageDeleted: true } : { lastMessagePreview: previewOf(after.text) };
  await db.patch("sessions", session._id, preview);
}

/** One update for a stored message. */
export async function applyMessageUpdate(db: DatabaseWriter, message: Doc<"messages">, update: MessageUpdate): Promise<boolean> {
  const result = await applyAll(db, message, [update]);
  if (result.changed) await refreshPreview(db, message, result.message);
  return result.changed;
}

/** A message about to be stored, with the updates that came before it applied. Pure. */
export function withUpdates<T extends MessageState>(draft: T, updates: MessageUpdate[]): T {
  let current = draft;
  for (const update of updates) {
    const patch = updatePatch(current, update);
    if (patch !== null) current = { ...current, ...patch };
  }
  return current;
}

/** The updates waiting for this WhatsApp id, in arrival order (none read when none wait). */
export async function waitingUpdates(db: DatabaseWriter, agent: Pick<Doc<"agents">, "_id" | "orgId">, externalId: string) {
  return db
    .query("pendingMessageUpdates")
    .withIndex("by_org_and_agent_and_externalId", (q) => q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("externalId", externalId))
    .take(MAX_PENDING_PER_MESSAGE);
}

/** An update for a message not stored yet: kept until it is. */
export async function deferMessageUpdate(
  db: DatabaseWriter,
  agent: Pick<Doc<"agents">, "_id" | "orgId">,
  externalId: string,
  update: MessageUpdate,
): Promise<void> {
  await db.insert("pendingMessageUpdates", { orgId: agent.orgId, agentId: agent._id, externalId, update, receivedAt: Date.now() });
}

/**
 * Called wherever a message gets its WhatsApp id (webhook insert, our sends once confirmed): the
 * updates that arrived first are applied, in arrival order, and removed. Reads nothing when none wait.
 */
export async function applyPendingUpdates(
  db: DatabaseWriter,
  stored: { messageId: Id<"messages">; orgId: Id<"organizations">; agentId: Id<"agents">; externalId: string },
): Promise<void> {
  const pending = await waitingUpdates(db, { _id: stored.agentId, orgId: stored.orgId }, stored.externalId);
  if (pending.length === 0) return;
  const message = await db.get("messages", stored.messageId);
  if (message === null) return;
  const result = await applyAll(db, message, pending.map((row) => row.update));
  if (result.changed) await refreshPreview(db, message, result.message);
  for (const row of pending) await db.delete("pendingMessageUpdates", row._id);
}

/** Updates whose message never came (another client's message, a send that failed): dropped after this. */
export const PENDING_UPDATE_TTL_MS = 3 * 24 * 60 * 60 * 1000;

import type { MessageKind } from "../../lib/whatsapp/types";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { recordAudit } from "./audit";
import { digitsOfJid } from "./contacts";
import { leaseHeld, REPLY_DEBOUNCE_MS } from "./botRules";
import { readSeqOf, unreadFor } from "./readStates";
import { labelChipsOf } from "./labels";
import type { SessionListItem } from "./views";

/**
 * What one message does to its session, in one place for every writer (webhook ingest, the
 * composer, the bot): the conversation list's row, the rollup facts, and the bot's bookkeeping.
 */

/** Longest text kept on a session for the conversation list. */
export const PREVIEW_LENGTH = 140;

/** `kind`: what the message is when not plain text (a photo, a voice note…); the list shows it. */
export type ArrivedMessage = { text: string; sentAt: number; kind?: MessageKind } & (
  | { direction: "in" }
  | { direction: "out"; author: "bot" }
  /** `onPhone`: typed on the linked phone (or its echo), rather than sent from SpinDesk's composer. */
  | { direction: "out"; author: "human"; onPhone: boolean }
);

type SessionState = Pick<
  Doc<"sessions">,
  "lastMessageAt" | "unreadCount" | "status" | "inboundSeq" | "processingToken" | "processingExpiresAt" | "firstInboundAt" | "firstResponseAt" | "takenOverAt"
>;

export function previewOf(text: string): string {
  return text.length > PREVIEW_LENGTH ? text.slice(0, PREVIEW_LENGTH) : text;
}

/** The list row: newest activity, its preview and direction, the unread count. */
function listRowPatch(session: SessionState, message: ArrivedMessage): Partial<Doc<"sessions">> {
  const isNewest = message.sentAt >= session.lastMessageAt;
  return {
    lastMessageAt: Math.max(session.lastMessageAt, message.sentAt),
    ...(isNewest
      ? {
          lastMessagePreview: previewOf(message.text),
          lastMessageDirection: message.direction,
          // Absent for text (a patch with undefined clears a previous photo's kind).
          lastMessageKind: message.kind === undefined || message.kind === "text" ? undefined : message.kind,
          lastMessageDeleted: undefined,
        }
      : {}),
    ...(message.direction === "in" ? { unreadCount: session.unreadCount + 1 } : {}),
  };
}

/**
 * The rollup facts, each set once: the first customer message, the first reply after it
 * (first-response time), and the first time a person took over from the bot.
 */
function factsPatch(session: SessionState, message: ArrivedMessage, takeover: boolean): Partial<Doc<"sessions">> {
  const patch: Partial<Doc<"sessions">> = {};
  if (message.direction === "in" && session.firstInboundAt === undefined) patch.firstInboundAt = message.sentAt;
  if (message.direction === "out" && session.firstInboundAt !== undefined && session.firstResponseAt === undefined) {
    patch.firstResponseAt = message.sentAt;
    // Provider clocks and ours differ by a little: a reply is never faster than instant.
    patch.firstResponseMs = Math.max(0, message.sentAt - session.firstInboundAt);
  }
  if (takeover && session.takenOverAt === undefined) patch.takenOverAt = message.sentAt;
  return patch;
}

/**
 * Whether a person takes the conversation over: a reply from the composer always does; a message on
 * the linked phone does unless a bot run holds the lease, since it may be the echo of the bot's send.
 */
function takesOver(session: SessionState, message: ArrivedMessage, now: number): boolean {
  if (message.direction === "in" || message.author === "bot") return false;
  return !message.onPhone || !leaseHeld(session, now);
}

/** The bot's side: a customer message gets the next number and pushes the reply's debounce forward. */
function botPatch(session: SessionState, message: ArrivedMessage, now: number, takeover: boolean): Partial<Doc<"sessions">> {
  if (message.direction === "in") {
    return {
      inboundSeq: (session.inboundSeq ?? 0) + 1,
      replyDueAt: now + REPLY_DEBOUNCE_MS,
      // A customer writing again reopens a resolved, snoozed or pending conversation.
      ...(session.status !== "open" ? { status: "open" as const, snoozedUntil: undefined } : {}),
    };
  }
  // A person took over: the bot stops, the customer is no longer waiting, and the person's exchange
  // is theirs (resuming the bot later answers only what comes after).
  return takeover ? { botPaused: true, waitingSince: undefined, personReplied: true } : {};
}

/** Everything one message changes on its session. */
export function sessionPatchFor(session: SessionState, message: ArrivedMessage, now: number): Partial<Doc<"sessions">> {
  const takeover = takesOver(session, message, now);
  return { ...listRowPatch(session, message), ...factsPatch(session, message, takeover), ...botPatch(session, message, now, takeover) };
}

/** Applies one message (plus the writer's own fields) to a stored session; returns the session as written. */
export async function applyMessageToSession(
  db: DatabaseWriter,
  session: Doc<"sessions">,
  message: ArrivedMessage,
  extra: Partial<Doc<"sessions">> = {},
): Promise<Doc<"sessions">> {
  const patch = { ...sessionPatchFor(session, message, Date.now()), ...extra };
  await db.patch("sessions", session._id, patch);
  // A customer writing (or a person replying) brought a resolved, snoozed or pending conversation back.
  if (patch.status === "open" && session.status !== "open") {
    await recordAudit(db, { orgId: session.orgId, action: "session.reopened", target: `session:${session._id}` });
  }
  return { ...session, ...patch };
}

/** A new session's own fields, before any message is applied: the one constructor of a session row. */
export function newSessionFields(agent: Pick<Doc<"agents">, "_id" | "orgId">, contactId: Id<"contacts">, startedAt: number) {
  return {
    orgId: agent.orgId,
    agentId: agent._id,
    contactId,
    stage: "situation" as const,
    status: "open" as const,
    botPaused: false,
    needsAttention: false,
    pendingReply: false,
    unreadCount: 0,
    lastMessageAt: startedAt,
    inboundSeq: 0,
    answeredSeq: 0,
    startedAt,
  };
}

/** A new row's fields: a patch's `undefined` (clear the field) means nothing on an insert. */
function withoutUndefined<T extends Record<string, unknown>>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** A contact's first session, started by its first message. */
export async function startSession(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  contactId: Id<"contacts">,
  message: ArrivedMessage,
  extra: Partial<Doc<"sessions">> = {},
): Promise<Doc<"sessions">> {
  const now = Date.now();
  const fields = newSessionFields(agent, contactId, message.sentAt);
  const session = withoutUndefined({ ...fields, ...sessionPatchFor(fields, message, now), ...extra });
  const sessionId = await db.insert("sessions", session);
  return { _id: sessionId, _creationTime: now, ...session };
}

/** The contact's newest session with this agent, or null when it has none yet. */
export async function latestSessionOf(db: DatabaseReader, agent: Pick<Doc<"agents">, "_id" | "orgId">, contactId: Id<"contacts">) {
  return db
    .query("sessions")
    .withIndex("by_org_and_agent_and_contact", (q) => q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("contactId", contactId))
    .order("desc")
    .first();
}

/** One row of the conversation list as one member sees it: joined with contact, agent, owner and their read mark. */
export async function toSessionListItem(db: DatabaseReader, session: Doc<"sessions">, viewerId: Id<"users"> | null): Promise<SessionListItem> {
  const contact = await db.get("contacts", session.contactId);
  const agent = await db.get("agents", session.agentId);
  const owner = session.assigneeId === undefined ? null : await db.get("users", session.assigneeId);
  const readSeq = viewerId === null ? 0 : await readSeqOf(db, session, viewerId);
  return {
    _id: session._id,
    agentId: session.agentId,
    // Deleted agents keep their row, so their conversations still show a name.
    agentName: agent?.name ?? "",
    contactName: contact?.name ?? null,
    contactNumber: contact ? digitsOfJid(contact.waJid) : "",
    stage: session.stage,
    status: session.status,
    unreadCount: unreadFor(session, readSeq),
    readSeq,
    assignee: owner === null ? null : { userId: owner._id, name: owner.name, imageUrl: owner.imageUrl ?? null },
    snoozedUntil: session.snoozedUntil ?? null,
    lastMessageAt: session.lastMessageAt,
    lastMessagePreview: session.lastMessagePreview ?? null,
    lastMessageDirection: session.lastMessageDirection ?? null,
    lastMessageKind: session.lastMessageKind ?? null,
    lastMessageDeleted: session.lastMessageDeleted ?? false,
    botPaused: session.botPaused,
    needsAttention: session.needsAttention,
    handoffSuggested: session.handoffSuggested ?? false,
    waitingSince: session.waitingSince ?? null,
    contactOptedOut: contact?.optedOutAt !== undefined,
    agentStatus: agent?.status ?? "close",
    agentDeleted: agent === null || agent.deletedAt !== undefined,
    labels: await labelChipsOf(db, session),
  };
}

import type { AgentState, ContactChange, MessageChange, WhatsAppChange } from "../../lib/whatsapp/webhook-events";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { applyContactUpdate, upsertContact, type Merge } from "./contacts";
import { applyMessageUpdate, deferMessageUpdate, waitingUpdates, withUpdates, type MessageUpdate } from "./messageUpdates";
import { advanceDelivery, messageByExternalId, storedText } from "./messages";
import { botActive } from "./botRules";
import { applyMessageToSession, latestSessionOf, startSession, type ArrivedMessage } from "./sessions";

/**
 * What the WhatsApp webhook writes: contacts, sessions and messages from `messages.upsert` /
 * `send.message`, and the agent's status and QR. Every write is idempotent and order-tolerant,
 * because Evolution retries for a long time and may deliver twice or out of order.
 *
 * Budget (DESIGN "Budgets": ≤ 10 documents per ingest; tests/convex/whatsapp-budget.test.ts counts
 * them through internalOrgMutation's own db, which reads each document once per transaction). A new
 * message from a known customer reads 8: the organization (the builder's check, later the rollups'
 * time zone), the agent, the contact, the contact's newest session, that session when patching it,
 * the new message (the trigger's diff), and the day's rollup row, read and patched; 9 when the
 * contact's name changes; 7 for a new customer; +1 for a quoted message found, +1 per update that
 * came before the message. A replay reads 3. A status, edit, delete or reaction reads 2 to 5, a
 * contacts.upsert 2 to 4. No path reads a range whose size grows with history.
 */

/** `deferred`: an update for a message not stored yet, kept until it is. */
export type IngestOutcome = "stored" | "duplicate" | "updated" | "unchanged" | "deferred";
export type ApplyOutcome = IngestOutcome | "agent_gone";
/** A customer message the bot should answer: the caller schedules the reply run at `at`. */
export type ReplyDue = { sessionId: Id<"sessions">; at: number };
/**
 * `merge`: two contacts just turned out to be one person (the caller schedules the fold);
 * `messageId`: the message this delivery stored (the caller files its inline media);
 * `appliedUpdates`: waiting updates now applied, removed by the caller in a later transaction (a
 * delete costs a read, and the ingest's read budget is tight).
 */
export type Applied = {
  outcome: ApplyOutcome;
  replyDue: ReplyDue | null;
  merge?: Merge;
  messageId?: Id<"messages">;
  appliedUpdates?: Id<"pendingMessageUpdates">[];
  /** A pairing event: the caller schedules the gateway check (convex/agentPairing.ts). */
  pairingHint?: PairingHint;
};
/** What a `connection.update`, `qrcode.updated` or QR-limit delivery claims, to be confirmed with the gateway. */
export type PairingHint =
  | { kind: "connection"; state: AgentState; phoneNumber?: string; statusReason?: number }
  | { kind: "qr" }
  | { kind: "qrLimit" };
/** A message change as the ingest mutation receives it: the webhook has taken the inline file out. */
export type IngestedMessage = Omit<MessageChange, "base64">;

/** The live agent an instance name belongs to, or null when unknown, deleted, or its org is deleted. */
export async function webhookAgent(db: DatabaseReader, instanceName: string): Promise<Doc<"agents"> | null> {
  const agent = await db
    .query("agents")
    .withIndex("by_instanceName", (q) => q.eq("instanceName", instanceName))
    .unique();
  if (agent === null || agent.deletedAt !== undefined) return null;
  const org = await db.get("organizations", agent.orgId);
  if (org === null || org.deletedAt !== undefined) return null;
  return agent;
}

/** What a `connection.update` hint carries on to the confirmation: its number and why it closed. */
function reasonOf(change: { phoneNumber?: string; statusReason?: number }) {
  return {
    ...(change.phoneNumber !== undefined ? { phoneNumber: change.phoneNumber } : {}),
    ...(change.statusReason !== undefined ? { statusReason: change.statusReason } : {}),
  };
}

/** The agent a verified delivery was resolved to, re-read inside the writing (org-scoped) transaction. */
async function liveAgent(db: DatabaseReader, agentId: Id<"agents">): Promise<Doc<"agents"> | null> {
  const agent = await db.get("agents", agentId);
  return agent !== null && agent.deletedAt === undefined ? agent : null;
}

/**
 * A customer writing to a number whose bot is off waits for a person: the queue says since when. (A
 * conversation a person paused the bot in is that person's already; it does not join the queue.)
 */
function waitingFields(agent: Doc<"agents">, session: Pick<Doc<"sessions">, "waitingSince">, message: ArrivedMessage) {
  const waits = message.direction === "in" && !agent.aiEnabled && session.waitingSince === undefined;
  return waits ? { waitingSince: Date.now() } : {};
}

/**
 * WhatsApp stamps messages in whole seconds, our own sends in milliseconds: a customer's answer to
 * a reply sent at 10:32:04.700 can carry 10:32:04.000 and sort above it. A message stamped within the
 * same second before the conversation's latest one is placed just after it, as it arrived.
 */
function arrivalTime(session: Pick<Doc<"sessions">, "lastMessageAt"> | null, sentAt: number): number {
  if (session === null || sentAt >= session.lastMessageAt || session.lastMessageAt - sentAt >= 1000) return sentAt;
  return session.lastMessageAt + 1;
}

/** The contact's current session after one more message: its newest one, or a new one. */
async function sessionForMessage(db: DatabaseWriter, agent: Doc<"agents">, contactId: Id<"contacts">, arrived: ArrivedMessage) {
  const session = await latestSessionOf(db, agent, contactId);
  const message = { ...arrived, sentAt: arrivalTime(session, arrived.sentAt) };
  if (session === null) return { session: await startSession(db, agent, contactId, message, waitingFields(agent, { waitingSince: undefined }, message)), sentAt: message.sentAt };
  return { session: await applyMessageToSession(db, session, message, waitingFields(agent, session, message)), sentAt: message.sentAt };
}

/** What a message change stores beyond its text: its kind and what WhatsApp said of its file, place, card, quote. */
function contentFields(change: IngestedMessage): Partial<Doc<"messages">> {
  const fields: Partial<Doc<"messages">> = { kind: change.messageKind };
  // The file itself is fetched after the webhook answers (the media download picks up "pending").
  if (change.media !== undefined) fields.media = { state: "pending", ...change.media };
  if (change.location !== undefined) fields.location = change.location;
  if (change.sharedContact !== undefined) fields.sharedContact = change.sharedContact;
  if (change.quoted !== undefined) fields.quoted = change.quoted;
  return fields;
}

/** An edit's history or a removed reaction leaves fields undefined: an insert takes none. */
function withoutUndefined<T extends Record<string, unknown>>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** A reply's quote points at our row of the quoted message when we have it (one indexed read). */
async function linkQuote(db: DatabaseReader, agent: Doc<"agents">, quoted: IngestedMessage["quoted"]) {
  if (quoted === undefined) return undefined;
  const target = await messageByExternalId(db, agent._id, quoted.externalId);
  return target === null ? quoted : { ...quoted, messageId: target._id };
}

/**
 * One `messages.upsert` or `send.message`. A message already stored under this WhatsApp id (per
 * agent) is never stored again: a replay is a duplicate, and the echo of our own send only moves its
 * delivery forward. An unknown `fromMe` message was typed on the phone: stored as out/human. Updates
 * that arrived before it (status, edit, delete, reaction) are applied as it is stored.
 */
export async function ingestMessage(db: DatabaseWriter, agent: Doc<"agents">, change: IngestedMessage): Promise<Applied> {
  const known = await messageByExternalId(db, agent._id, change.externalId);
  if (known !== null) {
    if (!change.fromMe || known.direction !== "out") return { outcome: "duplicate", replyDue: null };
    return { outcome: (await advanceDelivery(db, known, change.delivery)) ? "updated" : "unchanged", replyDue: null };
  }
  const stored = storedText(change.text);
  const kind = change.messageKind;
  const message: ArrivedMessage = change.fromMe
    ? { direction: "out", author: "human", onPhone: true, text: stored.text, sentAt: change.sentAt, kind }
    : { direction: "in", text: stored.text, sentAt: change.sentAt, kind };
  const { contactId, merge } = await upsertContact(db, agent, change);
  const { session, sentAt } = await sessionForMessage(db, agent, contactId, message);
  const quoted = await linkQuote(db, agent, change.quoted);
  // Updates that came first (status, edit, delete, reaction) are applied before the insert: one write.
  const early = await waitingUpdates(db, agent, change.externalId);
  const draft: Omit<Doc<"messages">, "_id" | "_creationTime"> = {
    orgId: agent.orgId,
    sessionId: session._id,
    agentId: agent._id,
    direction: message.direction,
    author: change.fromMe ? "human" : "customer",
    ...stored,
    ...contentFields(change),
    ...(quoted !== undefined ? { quoted } : {}),
    externalId: change.externalId,
    sentAt,
    delivery: change.delivery,
    ...(message.direction === "in" ? { inboundSeq: session.inboundSeq } : {}),
  };
  const messageId = await db.insert("messages", withoutUndefined(withUpdates(draft, early.map((row) => row.update))));
  const answer = message.direction === "in" && botActive(agent, session);
  return {
    outcome: "stored",
    replyDue: answer ? { sessionId: session._id, at: session.replyDueAt! } : null,
    messageId,
    ...(merge !== null ? { merge } : {}),
    ...(early.length > 0 ? { appliedUpdates: early.map((row) => row._id) } : {}),
  };
}

const applied = (outcome: ApplyOutcome): Applied => ({ outcome, replyDue: null });

/** Every change as the ingest mutation receives it (messages without their inline file). */
export type IngestedChange = Exclude<WhatsAppChange, MessageChange> | IngestedMessage;

type UpdateChange = Extract<WhatsAppChange, { kind: "status" | "edit" | "delete" | "reaction" }>;

/** The stored form of an update; edits and deletes without a provider time are stamped on arrival. */
function messageUpdateOf(change: UpdateChange, now: number): MessageUpdate {
  switch (change.kind) {
    case "status":
      return { kind: "status", delivery: change.delivery };
    case "edit":
      return { kind: "edit", text: change.text, at: change.at ?? now };
    case "delete":
      return { kind: "delete", at: change.at ?? now };
    case "reaction":
      return { kind: "reaction", emoji: change.emoji, fromMe: change.fromMe, at: change.at };
  }
}

/**
 * A delivery report, edit, delete or reaction for the message with this WhatsApp id: applied when the
 * message is stored, else kept until it is. Reports about the customer's own messages (our read
 * receipts) change nothing and are not kept.
 */
export async function ingestMessageUpdate(db: DatabaseWriter, agent: Doc<"agents">, change: UpdateChange): Promise<Applied> {
  const update = messageUpdateOf(change, Date.now());
  const message = await messageByExternalId(db, agent._id, change.target);
  if (message === null) {
    if (change.kind === "status" && !change.fromMe) return applied("unchanged");
    await deferMessageUpdate(db, agent, change.target, update);
    return applied("deferred");
  }
  return applied((await applyMessageUpdate(db, message, update)) ? "updated" : "unchanged");
}

async function ingestContact(db: DatabaseWriter, agent: Doc<"agents">, change: ContactChange): Promise<Applied> {
  const { changed, merge } = await applyContactUpdate(db, agent, change);
  return { outcome: changed ? "updated" : "unchanged", replyDue: null, ...(merge !== null ? { merge } : {}) };
}

const LOGGED_OUT = 401;

/** `connection.update`: the agent's status, its number once open; a stale "connecting" never hides a live link. */
export async function applyConnection(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  change: { state: AgentState; phoneNumber?: string; statusReason?: number },
): Promise<IngestOutcome> {
  // Retries may deliver the pairing's "connecting" after its "open"; a reconnect is reported by close/open.
  if (change.state === "connecting" && agent.status === "open") return "unchanged";
  const patch: Partial<Doc<"agents">> = { status: change.state };
  // A QR only means something while pairing.
  if (change.state !== "connecting") Object.assign(patch, { qrCode: undefined, qrUpdatedAt: undefined });
  if (change.state === "open" && change.phoneNumber) patch.phoneNumber = change.phoneNumber;
  // Logged out (unlinked on the phone): the number is no longer this agent's. A dropped link keeps it.
  if (change.state === "close" && change.statusReason === LOGGED_OUT) patch.phoneNumber = undefined;
  await db.patch("agents", agent._id, patch);
  return "updated";
}

/** `qrcode.updated`: the QR to scan; ignored once connected (a late retry must not undo the pairing). */
export async function applyQrCode(db: DatabaseWriter, agent: Doc<"agents">, qrCode: string): Promise<IngestOutcome> {
  if (agent.status === "open" || (agent.status === "connecting" && agent.qrCode === qrCode)) return "unchanged";
  await db.patch("agents", agent._id, { status: "connecting", qrCode, qrUpdatedAt: Date.now() });
  return "updated";
}

/** The QR limit was reached without a scan: pairing is refused until an admin asks for a new QR. */
export async function applyQrLimit(db: DatabaseWriter, agent: Doc<"agents">): Promise<IngestOutcome> {
  if (agent.status === "open") return "unchanged";
  await db.patch("agents", agent._id, { status: "refused", qrCode: undefined, qrUpdatedAt: undefined });
  return "updated";
}


/** One authenticated change for the agent it was resolved to (re-read: it may have been deleted since). */
export async function applyWhatsAppChange(
  db: DatabaseWriter,
  { agentId, change }: { agentId: Id<"agents">; change: IngestedChange },
): Promise<Applied> {
  const agent = await liveAgent(db, agentId);
  if (agent === null) return applied("agent_gone");
  switch (change.kind) {
    case "message":
      return ingestMessage(db, agent, change);
    case "status":
    case "edit":
    case "delete":
    case "reaction":
      return ingestMessageUpdate(db, agent, change);
    case "contact":
      return ingestContact(db, agent, change);
    // Hints only (SECURITY 1): a credential's holder could inject any QR or state, so the gateway is
    // asked what holds (convex/agentPairing.ts) and only its answer is stored. The QR is never kept.
    case "connection":
      return { outcome: "deferred", replyDue: null, pairingHint: { kind: "connection", state: change.state, ...reasonOf(change) } };
    case "qr":
      return { outcome: "deferred", replyDue: null, pairingHint: { kind: "qr" } };
    case "qrLimit":
      return { outcome: "deferred", replyDue: null, pairingHint: { kind: "qrLimit" } };
  }
}

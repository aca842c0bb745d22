import type { AgentState, MessageChange, WhatsAppChange } from "../../lib/whatsapp/webhook-events";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { upsertContact } from "./contacts";
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
 * contact's name changes; 7 for a new customer. A replay reads 3. No path reads a range whose size
 * grows with history.
 */

export type IngestOutcome = "stored" | "duplicate" | "updated" | "unchanged";
export type ApplyOutcome = IngestOutcome | "agent_gone";
/** A customer message the bot should answer: the caller schedules the reply run at `at`. */
export type ReplyDue = { sessionId: Id<"sessions">; at: number };
export type Applied = { outcome: ApplyOutcome; replyDue: ReplyDue | null };

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

/**
 * One `messages.upsert` or `send.message`. A message already stored under this WhatsApp id (per
 * agent) is never stored again: a replay is a duplicate, and the echo of our own send only moves its
 * delivery forward. An unknown `fromMe` message was typed on the phone: stored as out/human.
 */
export async function ingestMessage(db: DatabaseWriter, agent: Doc<"agents">, change: MessageChange): Promise<Applied> {
  const known = await messageByExternalId(db, agent._id, change.externalId);
  if (known !== null) {
    if (!change.fromMe || known.direction !== "out") return { outcome: "duplicate", replyDue: null };
    return { outcome: (await advanceDelivery(db, known, change.delivery)) ? "updated" : "unchanged", replyDue: null };
  }
  const stored = storedText(change.text);
  const message: ArrivedMessage = change.fromMe
    ? { direction: "out", author: "human", onPhone: true, text: stored.text, sentAt: change.sentAt }
    : { direction: "in", text: stored.text, sentAt: change.sentAt };
  const { contactId } = await upsertContact(db, agent, change);
  const { session, sentAt } = await sessionForMessage(db, agent, contactId, message);
  await db.insert("messages", {
    orgId: agent.orgId,
    sessionId: session._id,
    agentId: agent._id,
    direction: message.direction,
    author: change.fromMe ? "human" : "customer",
    ...stored,
    externalId: change.externalId,
    sentAt,
    delivery: change.delivery,
    ...(message.direction === "in" ? { inboundSeq: session.inboundSeq } : {}),
  });
  const answer = message.direction === "in" && botActive(agent, session);
  return { outcome: "stored", replyDue: answer ? { sessionId: session._id, at: session.replyDueAt! } : null };
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

const applied = (outcome: ApplyOutcome): Applied => ({ outcome, replyDue: null });

/** One authenticated change for the agent it was resolved to (re-read: it may have been deleted since). */
export async function applyWhatsAppChange(
  db: DatabaseWriter,
  { agentId, change }: { agentId: Id<"agents">; change: WhatsAppChange },
): Promise<Applied> {
  const agent = await liveAgent(db, agentId);
  if (agent === null) return applied("agent_gone");
  switch (change.kind) {
    case "message":
      return ingestMessage(db, agent, change);
    case "connection":
      return applied(await applyConnection(db, agent, change));
    case "qr":
      return applied(await applyQrCode(db, agent, change.qrCode));
    case "qrLimit":
      return applied(await applyQrLimit(db, agent));
  }
}

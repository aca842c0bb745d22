import type { AgentState, MessageChange, WhatsAppChange } from "../../lib/whatsapp/webhook-events";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { laterDelivery, sessionPatchForMessage } from "./conversations";
import { botActive, leaseHeld, REPLY_DEBOUNCE_MS } from "./replies";
import { factsPatchForMessage, messageChange, sessionChange } from "./rollupFacts";
import { applyRollupChanges } from "./rollups";

/**
 * What the WhatsApp webhook writes: contacts, sessions and messages from `messages.upsert` /
 * `send.message`, and the agent's status and QR. Every write is idempotent and order-tolerant,
 * because Evolution retries for a long time and may deliver twice or out of order.
 *
 * Budget (DESIGN "Budgets": ≤ 10 documents per ingest; tests/convex/whatsapp-budget.test.ts counts
 * them). A new inbound message from a known customer reads 7: the agent, the contact, the newest
 * session of that contact, that session again when patching it (the dedupe probe finds nothing),
 * then for the day's rollup the organization (its time zone) and the rollup row, read and patched;
 * 8 when the contact's name changes; 4 for a new customer. A replay reads 2 (agent + stored
 * message). No path reads a range whose size grows with history.
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

/** The agent a verified delivery was resolved to, re-read inside the writing transaction. */
export async function liveAgentOf(
  db: DatabaseReader,
  orgId: Id<"organizations">,
  agentId: Id<"agents">,
): Promise<Doc<"agents"> | null> {
  const agent = await db.get("agents", agentId);
  return agent !== null && agent.orgId === orgId && agent.deletedAt === undefined ? agent : null;
}

async function messageByExternalId(db: DatabaseReader, agent: Doc<"agents">, externalId: string) {
  const message = await db
    .query("messages")
    .withIndex("by_agent_and_externalId", (q) => q.eq("agentId", agent._id).eq("externalId", externalId))
    .first();
  return message !== null && message.orgId === agent.orgId ? message : null;
}

/** One contact per (org, agent, waJid); inbound messages keep its name and alternate JID current. */
async function upsertContact(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  change: MessageChange,
): Promise<{ contactId: Id<"contacts">; created: boolean }> {
  const contact = await db
    .query("contacts")
    .withIndex("by_org_and_agent_and_waJid", (q) =>
      q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("waJid", change.waJid),
    )
    .unique();
  if (contact === null) {
    const contactId = await db.insert("contacts", {
      orgId: agent.orgId,
      agentId: agent._id,
      waJid: change.waJid,
      ...(change.waJidAlt ? { waJidAlt: change.waJidAlt } : {}),
      ...(change.pushName ? { name: change.pushName } : {}),
    });
    return { contactId, created: true };
  }
  const patch: Partial<Doc<"contacts">> = {};
  if (change.pushName && change.pushName !== contact.name) patch.name = change.pushName;
  if (change.waJidAlt && change.waJidAlt !== contact.waJidAlt) patch.waJidAlt = change.waJidAlt;
  if (Object.keys(patch).length > 0) await db.patch("contacts", contact._id, patch);
  return { contactId: contact._id, created: false };
}

type StoredMessage = { text: string; sentAt: number; direction: Doc<"messages">["direction"] };

function newSessionFields(agent: Doc<"agents">, contactId: Id<"contacts">, message: StoredMessage) {
  return {
    orgId: agent.orgId,
    agentId: agent._id,
    contactId,
    stage: "situation" as const,
    status: "active" as const,
    botPaused: false,
    needsAttention: false,
    pendingReply: false,
    unreadCount: 0,
    lastMessageAt: message.sentAt,
    inboundSeq: 0,
    answeredSeq: 0,
    startedAt: message.sentAt,
    ...sessionPatchForMessage({ lastMessageAt: message.sentAt, unreadCount: 0 }, message),
  };
}

/**
 * The bot's side of one more message. A customer message gets the next number and pushes the
 * reply's debounce forward. A message typed on the linked phone is a person taking over, so the bot
 * pauses; while a run holds the lease it may be the echo of the bot's own send, so nothing changes.
 */
function botPatchForMessage(
  session: Pick<Doc<"sessions">, "inboundSeq" | "processingToken" | "processingExpiresAt" | "firstInboundAt" | "firstResponseAt" | "takenOverAt">,
  message: StoredMessage,
  now: number,
): Partial<Doc<"sessions">> {
  if (message.direction === "in") {
    return { inboundSeq: (session.inboundSeq ?? 0) + 1, replyDueAt: now + REPLY_DEBOUNCE_MS, ...factsPatchForMessage(session, message, false) };
  }
  const takeover = !leaseHeld(session, now);
  return { ...(takeover ? { botPaused: true } : {}), ...factsPatchForMessage(session, message, takeover) };
}

/**
 * The contact's current session, updated for one more message: the newest session (an inbound
 * message reopens it when closed), or a new one when the contact has none yet.
 */
async function sessionForMessage(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  contact: { contactId: Id<"contacts">; created: boolean },
  message: StoredMessage,
): Promise<{ before: Doc<"sessions"> | null; after: Doc<"sessions"> }> {
  const session = contact.created
    ? null
    : await db
        .query("sessions")
        .withIndex("by_org_and_agent_and_contact", (q) =>
          q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("contactId", contact.contactId),
        )
        .order("desc")
        .first();
  const now = Date.now();
  if (session === null) {
    const fields = newSessionFields(agent, contact.contactId, message);
    const created = { ...fields, ...botPatchForMessage(fields, message, now) };
    return { before: null, after: { _id: await db.insert("sessions", created), _creationTime: now, ...created } };
  }
  const reopen = message.direction === "in" && session.status === "closed";
  const patch = {
    ...sessionPatchForMessage(session, message),
    ...(reopen ? { status: "active" as const } : {}),
    ...botPatchForMessage(session, message, now),
  };
  await db.patch("sessions", session._id, patch);
  return { before: session, after: { ...session, ...patch } };
}

/**
 * One `messages.upsert` or `send.message`. A message already stored under this WhatsApp id (per
 * agent) is never stored again: a replay is a duplicate, and the echo of our own send only moves its
 * delivery forward. An unknown `fromMe` message was typed on the phone: stored as out/human.
 */
export async function ingestMessage(db: DatabaseWriter, agent: Doc<"agents">, change: MessageChange): Promise<Applied> {
  const known = await messageByExternalId(db, agent, change.externalId);
  if (known !== null) {
    if (!change.fromMe || known.direction !== "out") return { outcome: "duplicate", replyDue: null };
    const delivery = laterDelivery(known.delivery, change.delivery);
    if (delivery === known.delivery) return { outcome: "unchanged", replyDue: null };
    await db.patch("messages", known._id, { delivery });
    return { outcome: "updated", replyDue: null };
  }
  const direction = change.fromMe ? ("out" as const) : ("in" as const);
  const message = { text: change.text, sentAt: change.sentAt, direction };
  const contact = await upsertContact(db, agent, change);
  const { before, after: session } = await sessionForMessage(db, agent, contact, message);
  const stored = {
    orgId: agent.orgId,
    sessionId: session._id,
    agentId: agent._id,
    direction,
    author: change.fromMe ? ("human" as const) : ("customer" as const),
    text: change.text,
    externalId: change.externalId,
    sentAt: change.sentAt,
    delivery: change.delivery,
    ...(direction === "in" ? { inboundSeq: session.inboundSeq } : {}),
  };
  await db.insert("messages", stored);
  await applyRollupChanges(db, agent.orgId, [sessionChange(before, session), messageChange(null, stored)]);
  const answer = direction === "in" && botActive(agent, session);
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
  { orgId, agentId, change }: { orgId: Id<"organizations">; agentId: Id<"agents">; change: WhatsAppChange },
): Promise<Applied> {
  const agent = await liveAgentOf(db, orgId, agentId);
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

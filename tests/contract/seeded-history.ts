/**
 * A large WhatsApp history written straight into an engine data directory as a snapshot, so the
 * engine benchmark starts from 100,000 stored messages in seconds instead of 100,000 webhooks.
 * The rows are schema-valid: ingest reads and patches them like any others.
 */
import type { StoredDocument } from "../../tools/convex-engine/internals";
import { writeSnapshot } from "../../tools/convex-engine/snapshot";

export type History = { messages: number; orgExternalId: string; instanceName: string; secret: string };

/** Customers the history is spread over (one session each). */
const CUSTOMERS = 200;
const ID_LENGTH = 32;

export const customerJid = (n: number) => `55119${String(n % CUSTOMERS).padStart(8, "0")}@s.whatsapp.net`;

export async function writeSeededSnapshot(dataDir: string, history: History): Promise<number> {
  const documents: StoredDocument[] = [];
  let counter = 10_000;
  const start = Date.now() - 30 * 86_400_000;
  let creationTime = start;
  // Ids and creation times the way convex-test makes them: `<padded counter><table>`, increasing.
  const insert = (table: string, fields: Record<string, unknown>): string => {
    const _id = String(counter++).padStart(ID_LENGTH - table.length, "0") + table;
    creationTime += 1;
    documents.push({ ...fields, _id, _creationTime: creationTime });
    return _id;
  };
  const orgId = insert("organizations", { externalId: history.orgExternalId, name: "Bench Org", slug: history.orgExternalId, timezone: "UTC" });
  const agentId = insert("agents", {
    orgId,
    name: "Bench bot",
    instanceName: history.instanceName,
    status: "open",
    webhookSecret: history.secret,
    aiEnabled: false,
    persona: "",
    product: "",
  });
  const sessions: string[] = [];
  for (let n = 0; n < CUSTOMERS; n++) {
    const contactId = insert("contacts", { orgId, agentId, waJid: customerJid(n) });
    const session = { orgId, agentId, contactId, stage: "situation", status: "open", botPaused: false, needsAttention: false, pendingReply: false, unreadCount: 0 };
    sessions.push(insert("sessions", { ...session, lastMessageAt: start }));
  }
  const spacing = Math.max(1, Math.floor((29 * 86_400_000) / history.messages));
  for (let i = 0; i < history.messages; i++) {
    const inbound = i % 3 !== 0;
    insert("messages", {
      orgId,
      sessionId: sessions[i % CUSTOMERS],
      agentId,
      direction: inbound ? "in" : "out",
      author: inbound ? "customer" : "human",
      text: `history message ${i}: olá, quero saber mais sobre o produto`,
      externalId: `HIST${String(i).padStart(8, "0")}`,
      sentAt: start + i * spacing,
      delivery: "delivered",
    });
  }
  const header = {
    format: 2,
    lsn: 0,
    ts: (BigInt(Date.now()) * 1_000_000n).toString(),
    nextDocId: counter,
    lastCreationTime: creationTime,
    extra: {},
  };
  return writeSnapshot(dataDir, { header, documents, blobs: [] });
}

import { convexTest } from "convex-test";
import { describe, expect, test } from "vitest";
import type { Id } from "../../convex/_generated/dataModel";
import type { MutationCtx } from "../../convex/_generated/server";
import { applyWhatsAppChange } from "../../convex/model/ingest";
import schema from "../../convex/schema";
import type { WhatsAppChange } from "../../lib/whatsapp/webhook-events";
import { CUSTOMER_JID, TS1, TS3, deliverWhatsApp, insertWebhookAgent, upsert } from "../fixtures/evolution";
import { insertOrg } from "../fixtures/rows";
import { modules, newTest } from "./setup";

/**
 * DESIGN "Budgets": one webhook ingest reads ≤ 10 documents, whatever the history. Counted by
 * convex-test's transaction metrics (the numbers Convex enforces), over an agent with a long history.
 */

const BUDGET = 10;
const HISTORY_CUSTOMERS = 30;
const HISTORY_MESSAGES = 60;

/**
 * A busy agent (still pairing, so QR updates apply): many customers, and our customer with several
 * closed sessions and a long thread.
 */
async function seedHistory(ctx: MutationCtx) {
  const orgId = await insertOrg(ctx, "org_a");
  const agentId = await insertWebhookAgent(ctx, orgId, { status: "connecting" });
  const sessionBase = {
    orgId,
    agentId,
    stage: "situation" as const,
    botPaused: false,
    needsAttention: false,
    pendingReply: false,
    unreadCount: 0,
  };
  for (let i = 0; i < HISTORY_CUSTOMERS; i++) {
    const waJid = `55119000${String(i).padStart(5, "0")}@s.whatsapp.net`;
    const contactId = await ctx.db.insert("contacts", { orgId, agentId, waJid });
    await ctx.db.insert("sessions", { ...sessionBase, contactId, status: "active", lastMessageAt: TS1 * 1000 });
  }
  const contactId = await ctx.db.insert("contacts", { orgId, agentId, waJid: CUSTOMER_JID, name: "Maria Silva" });
  let sessionId: Id<"sessions"> | null = null;
  for (let s = 0; s < 3; s++) {
    sessionId = await ctx.db.insert("sessions", { ...sessionBase, contactId, status: "closed", lastMessageAt: TS1 * 1000 + s });
  }
  for (let m = 0; m < HISTORY_MESSAGES; m++) {
    await ctx.db.insert("messages", {
      orgId,
      sessionId: sessionId!,
      agentId,
      direction: m % 2 === 0 ? "in" : "out",
      author: m % 2 === 0 ? "customer" : "human",
      text: `message ${m}`,
      externalId: `HIST-${m}`,
      sentAt: TS1 * 1000 - m,
      delivery: "delivered",
    });
  }
  return { orgId, agentId };
}

const message = (overrides: Partial<Extract<WhatsAppChange, { kind: "message" }>> = {}): WhatsAppChange => ({
  kind: "message",
  externalId: "NEW-1",
  fromMe: false,
  waJid: CUSTOMER_JID,
  pushName: "Maria Silva",
  text: "Oi de novo",
  sentAt: TS3 * 1000,
  delivery: "delivered",
  ...overrides,
});

const CASES: [string, WhatsAppChange][] = [
  ["new inbound message from a known customer (reopens the session)", message()],
  ["new inbound message from a new customer", message({ waJid: "5521988880000@s.whatsapp.net", pushName: "João" })],
  ["inbound message with a changed profile name", message({ pushName: "Maria S." })],
  ["replay of a stored message", message({ externalId: "HIST-0" })],
  ["fromMe echo of a message we sent", message({ externalId: "HIST-1", fromMe: true, delivery: "read" })],
  ["message typed on the linked phone", message({ externalId: "PHONE-1", fromMe: true, delivery: "sent" })],
  ["connection.update open", { kind: "connection", state: "open", phoneNumber: "5511999990001" }],
  ["qrcode.updated", { kind: "qr", qrCode: "data:image/png;base64,AAAA" }],
];

describe("document reads per ingest", () => {
  test.each(CASES)("%s stays within the budget", async (_name, change) => {
    const t = newTest();
    const { orgId, agentId } = await t.run(seedHistory);
    const { outcome, documentsRead } = await t.run(async (ctx) => {
      const result = await applyWhatsAppChange(ctx.db, { orgId, agentId, change });
      const metrics = await ctx.meta.getTransactionMetrics();
      return { outcome: result, documentsRead: metrics.documentsRead.used };
    });
    expect(outcome).not.toBe("agent_gone");
    expect(documentsRead).toBeLessThanOrEqual(BUDGET);
  });

  test("the exact counts (reported in the issue's closing note)", async () => {
    const counts: Record<string, number> = {};
    for (const [name, change] of CASES) {
      const t = newTest();
      const { orgId, agentId } = await t.run(seedHistory);
      counts[name] = await t.run(async (ctx) => {
        await applyWhatsAppChange(ctx.db, { orgId, agentId, change });
        return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
      });
    }
    expect(counts).toEqual({
      "new inbound message from a known customer (reopens the session)": 4,
      "new inbound message from a new customer": 1,
      "inbound message with a changed profile name": 5,
      "replay of a stored message": 2,
      "fromMe echo of a message we sent": 3,
      "message typed on the linked phone": 4,
      "connection.update open": 2,
      "qrcode.updated": 2,
    });
  });

  test("the whole webhook runs under Convex's limits tightened to the budget", async () => {
    const t = convexTest({ schema, modules, transactionLimits: { documentsRead: BUDGET } });
    await t.run(async (ctx) => {
      await seedHistory(ctx);
    });
    for (const [id, timestamp] of [["B2", TS3], ["B1", TS1], ["B2", TS3]] as const) {
      const response = await deliverWhatsApp(t, upsert({ id, timestamp }));
      expect(response.status).toBe(200);
    }
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { sendTargetOf } from "../../convex/model/contacts";
import { isZero, type Counters } from "../../lib/metrics/counters";
import { recomputeRollups } from "../fixtures/recompute-rollups";
import {
  CUSTOMER,
  CUSTOMER_JID,
  CUSTOMER_LID_JID,
  TS1,
  TS2,
  TS3,
  deliverWhatsApp,
  envelope,
  evolutionFixture,
  messageData,
  seedWebhookAgents,
  upsert,
} from "../fixtures/evolution";
import { newTest, type TestConvex } from "./setup";

/** One person, one contact: a LID and a phone JID learned apart end up as one contact and one conversation. */

let t: TestConvex;
let orgA: Id<"organizations">;

beforeEach(async () => {
  vi.useFakeTimers();
  t = newTest();
  ({ orgA } = await seedWebhookAgents(t));
});

afterEach(() => {
  vi.useRealTimers();
});

const all = <T extends "contacts" | "sessions" | "messages">(table: T) =>
  t.run(async (ctx) => (await ctx.db.query(table).collect()) as Doc<T>[]);

async function deliverOk(payload: unknown) {
  const response = await deliverWhatsApp(t, payload);
  expect(response.status).toBe(200);
  return response.body;
}

/** A message from the customer's LID only (no phone JID in the key). */
const fromLidOnly = (id: string, timestamp: number) =>
  envelope("messages.upsert", { ...messageData({ id, timestamp }), key: { remoteJid: CUSTOMER_LID_JID, fromMe: false, id, addressingMode: "lid" } });

/** A message from the customer's LID that carries the phone JID too: the link. */
const fromLidWithPhone = (id: string, timestamp: number) => upsert({ id, timestamp, lid: true });

const settle = () => t.finishAllScheduledFunctions(vi.runAllTimers);

async function expectOnePerson(messages: number) {
  await settle();
  const contacts = await all("contacts");
  expect(contacts).toEqual([expect.objectContaining({ orgId: orgA, waJid: CUSTOMER_JID, waJidAlt: CUSTOMER_LID_JID })]);
  expect(contacts[0].mergedIntoId).toBeUndefined();
  expect(sendTargetOf(contacts[0])).toBe(CUSTOMER);
  const sessions = await all("sessions");
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ contactId: contacts[0]._id, unreadCount: messages });
  const thread = await all("messages");
  expect(thread).toHaveLength(messages);
  expect(new Set(thread.map((message) => message.sessionId))).toEqual(new Set([sessions[0]._id]));
}

describe("LID and phone JID learned apart", () => {
  test("LID first, then the phone, then a message linking both: one contact and one session", async () => {
    await deliverOk(fromLidOnly("L1", TS1));
    await deliverOk(upsert({ id: "P1", timestamp: TS2 }));
    expect(await all("contacts")).toHaveLength(2);
    await deliverOk(fromLidWithPhone("L2", TS3));
    await expectOnePerson(3);
  });

  test("phone first, then the LID, then contacts.upsert linking both: one contact and one session", async () => {
    await deliverOk(upsert({ id: "P1", timestamp: TS1 }));
    await deliverOk(fromLidOnly("L1", TS2));
    expect(await all("sessions")).toHaveLength(2);
    expect(await deliverOk(evolutionFixture("contacts-upsert-single"))).toEqual({ success: true, outcome: "updated" });
    await expectOnePerson(2);
    const [session] = await all("sessions");
    expect(session.lastMessageAt).toBe(TS2 * 1000);
  });

  test("the dashboards' rollups still equal a full recomputation after the fold", async () => {
    await deliverOk(fromLidOnly("L1", TS1));
    await deliverOk(upsert({ id: "P1", timestamp: TS2 }));
    await deliverOk(fromLidWithPhone("L2", TS3));
    await settle();
    const { stored, recomputed } = await t.run(async (ctx) => {
      const org = (await ctx.db.get("organizations", orgA))!;
      const rows = (await ctx.db.query("dailyStats").collect()).filter((row) => row.generation === (org.rollupGeneration ?? 0));
      const nonZero = (entries: [string, Counters][]) => Object.fromEntries(entries.filter(([, counters]) => !isZero(counters)));
      const raw = {
        sessions: await ctx.db.query("sessions").collect(),
        messages: await ctx.db.query("messages").collect(),
        stageEvents: await ctx.db.query("stageEvents").collect(),
      };
      return {
        stored: nonZero(rows.map((row) => [`${row.agentId}|${row.day}`, row.counters])),
        recomputed: nonZero([...recomputeRollups(org.timezone, raw)]),
      };
    });
    expect(stored).toEqual(recomputed);
    expect(Object.values(stored).reduce((sum, counters) => sum + counters.newSessions, 0)).toBe(1);
  });

  test("the older contact is kept, with the team's name", async () => {
    await deliverOk(fromLidOnly("L1", TS1));
    const [first] = await all("contacts");
    await t.run((ctx) => ctx.db.patch("contacts", first._id, { name: "Maria (lead quente)" }));
    await deliverOk(upsert({ id: "P1", timestamp: TS2, pushName: "Maria Silva" }));
    await deliverOk(fromLidWithPhone("L2", TS3));
    await settle();
    expect(await all("contacts")).toEqual([expect.objectContaining({ _id: first._id, name: "Maria (lead quente)" })]);
  });

  test("LID first with its phone already known: one contact from the start", async () => {
    await deliverOk(fromLidWithPhone("L1", TS1));
    await deliverOk(fromLidOnly("L2", TS2));
    await deliverOk(upsert({ id: "P1", timestamp: TS3 }));
    await expectOnePerson(3);
  });

  test("a LID contact learns its phone: replies then go to the number", async () => {
    await deliverOk(fromLidOnly("L1", TS1));
    expect(sendTargetOf((await all("contacts"))[0])).toBe(CUSTOMER_LID_JID);
    await deliverOk(fromLidWithPhone("L2", TS2));
    await expectOnePerson(2);
  });

  test("a conversation longer than one batch is folded whole", async () => {
    await deliverOk(upsert({ id: "P0", timestamp: TS1 }));
    const [phoneSession] = await all("sessions");
    await t.run(async (ctx) => {
      for (let i = 0; i < 230; i++) {
        await ctx.db.insert("messages", {
          orgId: orgA, sessionId: phoneSession._id, agentId: phoneSession.agentId, direction: "in", author: "customer",
          text: `m${i}`, externalId: `BULK-${i}`, sentAt: TS1 * 1000 - i - 1, delivery: "delivered",
        });
      }
    });
    await deliverOk(fromLidOnly("L1", TS2));
    await deliverOk(fromLidWithPhone("L2", TS3));
    await settle();
    expect(await all("sessions")).toHaveLength(1);
    expect(await all("messages")).toHaveLength(233);
  });
});

describe("contacts.upsert", () => {
  test("an array updates the WhatsApp name and picture of known contacts and creates nobody", async () => {
    await deliverOk(upsert({ id: "P1", pushName: "Maria" }));
    const body = await deliverOk(evolutionFixture("contacts-upsert-array"));
    expect(body).toEqual({ success: true, outcomes: ["updated", "unchanged"] });
    expect(await all("contacts")).toEqual([
      expect.objectContaining({
        whatsappName: "Maria Silva",
        name: "Maria Silva",
        profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/123_n.jpg?oh=x&oe=y",
      }),
    ]);
  });

  test("a single object works the same", async () => {
    await deliverOk(upsert({ id: "P1" }));
    await deliverOk(evolutionFixture("contacts-upsert-single"));
    expect(await all("contacts")).toEqual([
      expect.objectContaining({ whatsappName: "Maria S.", profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/456_n.jpg", waJidAlt: CUSTOMER_LID_JID }),
    ]);
  });

  test("never overwrites a name the team edited", async () => {
    await deliverOk(upsert({ id: "P1", pushName: "Maria" }));
    const [contact] = await all("contacts");
    await t.run((ctx) => ctx.db.patch("contacts", contact._id, { name: "Maria — Padaria Sol" }));
    await deliverOk(evolutionFixture("contacts-upsert-array"));
    await deliverOk(upsert({ id: "P2", pushName: "Maria Souza" }));
    expect(await all("contacts")).toEqual([expect.objectContaining({ name: "Maria — Padaria Sol", whatsappName: "Maria Souza" })]);
  });
});

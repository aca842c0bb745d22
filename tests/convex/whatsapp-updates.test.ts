import { beforeEach, describe, expect, test } from "vitest";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import type { Delivery } from "../../lib/whatsapp/types";
import { ingestAsProduction } from "../fixtures/ingest-history";
import { TS1, TS2, deliverWhatsApp, evolutionFixture, evolutionFixtureWith, seedWebhookAgents, upsert } from "../fixtures/evolution";
import { newTest, type TestConvex } from "./setup";

/** What happens to a message after it arrived: delivery reports, edits, deletes, reactions, in any order. */

let t: TestConvex;
let orgA: Id<"organizations">;
let agentA: Id<"agents">;

beforeEach(async () => {
  t = newTest();
  ({ orgA, agentA } = await seedWebhookAgents(t));
});

const messageByExternalId = (externalId: string) =>
  t.run(async (ctx) => (await ctx.db.query("messages").collect()).find((row) => row.externalId === externalId) as Doc<"messages">);

const pendingRows = () => t.run((ctx) => ctx.db.query("pendingMessageUpdates").collect());

async function deliverOk(payload: unknown) {
  const response = await deliverWhatsApp(t, payload);
  expect(response.status).toBe(200);
  return response.body;
}

/** A reply of ours already sent (its WhatsApp id known), in the customer's session. */
async function seedOwnReply(externalId: string, delivery: Delivery = "sent") {
  await deliverOk(upsert({ id: "IN-1", timestamp: TS1 }));
  return t.run(async (ctx) => {
    const session = (await ctx.db.query("sessions").first())!;
    return ctx.db.insert("messages", {
      orgId: orgA,
      sessionId: session._id,
      agentId: agentA,
      direction: "out",
      author: "human",
      text: "Você quer o plano anual?",
      externalId,
      sentAt: TS2 * 1000,
      delivery,
    });
  });
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe("delivery reports (messages.update)", () => {
  const REPORTS: Delivery[] = ["sent", "delivered", "read", "played", "failed"];

  test("delivery ends at played and never moves back, under every order of sent, delivered, read, played and error", async () => {
    const orders = permutations(REPORTS);
    expect(orders).toHaveLength(120);
    await t.run(async (ctx) => {
      const session = (await ctx.db.query("sessions").first()) ?? null;
      expect(session).toBeNull();
      for (const [index, order] of orders.entries()) {
        const externalId = `OUT-${index}`;
        const contactId = await ctx.db.insert("contacts", { orgId: orgA, agentId: agentA, waJid: `55119${String(index).padStart(8, "0")}@s.whatsapp.net` });
        const sessionId = await ctx.db.insert("sessions", {
          orgId: orgA, agentId: agentA, contactId, stage: "situation", status: "open", botPaused: false, needsAttention: false,
          pendingReply: false, unreadCount: 0, lastMessageAt: TS1 * 1000,
        });
        const messageId = await ctx.db.insert("messages", {
          orgId: orgA, sessionId, agentId: agentA, direction: "out", author: "bot", text: "Oi", externalId, sentAt: TS1 * 1000, delivery: "pending",
        });
        const seen: Delivery[] = [];
        for (const delivery of order) {
          await ingestAsProduction(ctx, { orgId: orgA, agentId: agentA }, { kind: "status", target: externalId, fromMe: true, delivery });
          seen.push((await ctx.db.get("messages", messageId))!.delivery);
        }
        // Once on the phone (delivered or later), never back: each report keeps or raises the rank.
        const RANK = { pending: 1, sent: 2, delivered: 3, read: 4, played: 5, failed: 0 } as const;
        const arrivedAt = seen.findIndex((state) => RANK[state] >= RANK.delivered);
        for (let i = arrivedAt + 1; i < seen.length; i++) expect(RANK[seen[i]]).toBeGreaterThanOrEqual(RANK[seen[i - 1]]);
        expect(seen.at(-1), `order ${order.join(", ")}`).toBe("played");
      }
    });
  });

  test("an error fails a message not yet delivered, and is ignored once it was", async () => {
    const early = await seedOwnReply("3EB0EARLY", "sent");
    await deliverOk(evolutionFixtureWith("update-status-read", (data) => Object.assign(data, { keyId: "3EB0EARLY", status: "ERROR" })));
    expect((await t.run((ctx) => ctx.db.get("messages", early)))!.delivery).toBe("failed");
    await deliverOk(evolutionFixtureWith("update-status-read", (data) => Object.assign(data, { keyId: "3EB0EARLY", status: "DELIVERY_ACK" })));
    await deliverOk(evolutionFixtureWith("update-status-read", (data) => Object.assign(data, { keyId: "3EB0EARLY", status: "ERROR" })));
    expect((await t.run((ctx) => ctx.db.get("messages", early)))!.delivery).toBe("delivered");
  });

  test("an array of reports is applied in order, each on its own", async () => {
    await seedOwnReply("3EB0OURQUESTION", "pending");
    const body = await deliverOk(evolutionFixture("update-status-array"));
    // The third report names a message we never stored: kept for when it arrives.
    expect(body).toEqual({ success: true, outcomes: ["updated", "updated", "deferred"] });
    expect((await messageByExternalId("3EB0OURQUESTION")).delivery).toBe("delivered");
    expect(await pendingRows()).toEqual([expect.objectContaining({ externalId: "3EB0OURVOICE", update: { kind: "status", delivery: "played" } })]);
  });

  test("our read receipt of the customer's message changes nothing and is not kept", async () => {
    await deliverOk(upsert({ id: "IN-1" }));
    const body = await deliverOk(evolutionFixtureWith("update-status-read", (data) => Object.assign(data, { keyId: "UNKNOWN", fromMe: false })));
    expect(body).toEqual({ success: true, outcome: "unchanged" });
    expect(await pendingRows()).toEqual([]);
  });

  test("a report that beats our send's confirmation is applied when the send learns its WhatsApp id", async () => {
    await deliverOk(evolutionFixtureWith("update-status-read", (data) => Object.assign(data, { keyId: "3EB0RACE", status: "DELIVERY_ACK" })));
    await deliverOk(upsert({ id: "IN-1", timestamp: TS1 }));
    const { confirmOutbound } = await import("../../convex/model/messages");
    const { internalOrgWriter } = await import("../../convex/lib/functions");
    await t.run(async (ctx) => {
      const session = (await ctx.db.query("sessions").first())!;
      const messageId = await ctx.db.insert("messages", {
        orgId: orgA, sessionId: session._id, agentId: agentA, direction: "out", author: "bot", text: "Oi", sentAt: TS2 * 1000, delivery: "pending",
      });
      const { db } = await internalOrgWriter(ctx, orgA);
      await confirmOutbound(db, (await ctx.db.get("messages", messageId))!, "3EB0RACE");
    });
    expect((await messageByExternalId("3EB0RACE")).delivery).toBe("delivered");
    expect(await pendingRows()).toEqual([]);
  });
});

describe("edits", () => {
  test("an edit replaces the text, marks the time and keeps the previous text", async () => {
    await deliverOk(evolutionFixture("upsert-text"));
    expect(await deliverOk(evolutionFixture("edited"))).toEqual({ success: true, outcome: "updated" });
    expect(await messageByExternalId("3A0000000000000000A1")).toMatchObject({
      text: "Olá, quero saber o preço do plano anual",
      editedAt: TS1 * 1000 + 30_000,
      previousTexts: [{ text: "Olá, quero saber o preço", until: TS1 * 1000 + 30_000 }],
    });
    const [session] = await t.run((ctx) => ctx.db.query("sessions").collect());
    expect(session.lastMessagePreview).toBe("Olá, quero saber o preço do plano anual");
  });

  test("the same edit delivered twice (messages.edited and the upsert) is applied once", async () => {
    await deliverOk(evolutionFixture("upsert-text"));
    await deliverOk(evolutionFixture("edited"));
    expect(await deliverOk(evolutionFixture("upsert-edit"))).toEqual({ success: true, outcome: "unchanged" });
    expect((await messageByExternalId("3A0000000000000000A1")).previousTexts).toHaveLength(1);
  });
});

describe("deletes for everyone", () => {
  test("a delete marks the message and keeps its text for the audit", async () => {
    await deliverOk(evolutionFixture("upsert-text"));
    expect(await deliverOk(evolutionFixture("delete"))).toEqual({ success: true, outcome: "updated" });
    const message = await messageByExternalId("3A0000000000000000A1");
    expect(message.deletedAt).toEqual(expect.any(Number));
    expect(message.text).toBe("Olá, quero saber o preço");
    expect(await deliverOk(evolutionFixture("upsert-revoke"))).toEqual({ success: true, outcome: "unchanged" });
  });
  test("deleting the newest message takes its words out of the conversation list, until a newer message arrives", async () => {
    await deliverOk(evolutionFixture("upsert-text"));
    await deliverOk(evolutionFixture("delete"));
    const sessionRow = async () => (await t.run((ctx) => ctx.db.query("sessions").collect()))[0];
    expect(await sessionRow()).toMatchObject({ lastMessagePreview: "", lastMessageDeleted: true });
    await deliverOk(upsert({ id: "3A0000000000000000B2", text: "Oi de novo", timestamp: TS2 }));
    const after = await sessionRow();
    expect(after.lastMessagePreview).toBe("Oi de novo");
    expect(after.lastMessageDeleted).toBeUndefined();
  });
});

describe("reactions", () => {
  test("one reaction per reactor: a new one replaces it, an empty one removes it", async () => {
    await deliverOk(evolutionFixture("send-message"));
    await deliverOk(evolutionFixture("upsert-reaction"));
    expect((await messageByExternalId("3EB0OURQUESTION")).reactions).toEqual([{ emoji: "❤️", fromMe: false, at: TS1 * 1000 + 250 }]);
    await deliverOk(evolutionFixtureWith("upsert-reaction", (data) => {
      Object.assign(data, { key: { ...(data.key as object), id: "3A0REACT2" }, messageTimestamp: TS1 + 5 });
      (data.message as { reactionMessage: Record<string, unknown> }).reactionMessage.text = "😂";
      (data.message as { reactionMessage: Record<string, unknown> }).reactionMessage.senderTimestampMs = String(TS1 * 1000 + 5_000);
    }));
    expect((await messageByExternalId("3EB0OURQUESTION")).reactions).toEqual([{ emoji: "😂", fromMe: false, at: TS1 * 1000 + 5_000 }]);
    await deliverOk(evolutionFixture("upsert-reaction-removed"));
    expect((await messageByExternalId("3EB0OURQUESTION")).reactions).toBeUndefined();
  });

  test("a reaction is not a message: nothing new in the thread", async () => {
    await deliverOk(evolutionFixture("send-message"));
    await deliverOk(evolutionFixture("upsert-reaction"));
    expect(await t.run(async (ctx) => (await ctx.db.query("messages").collect()).length)).toBe(1);
  });
});

describe("updates that arrive before their message", () => {
  test("an edit, a delete and a reaction are kept, then applied when the message arrives", async () => {
    for (const name of ["edited", "upsert-reaction-removed", "delete"] as const) await deliverOk(evolutionFixture(name));
    await deliverOk(evolutionFixtureWith("upsert-reaction", (data) => {
      (data.message as { reactionMessage: { key: { id: string } } }).reactionMessage.key.id = "3A0000000000000000A1";
    }));
    expect((await pendingRows()).map((row) => row.update.kind).sort()).toEqual(["delete", "edit", "reaction", "reaction"]);
    expect(await deliverOk(evolutionFixture("upsert-text"))).toEqual({ success: true, outcome: "stored" });
    const message = await messageByExternalId("3A0000000000000000A1");
    expect(message).toMatchObject({
      text: "Olá, quero saber o preço do plano anual",
      previousTexts: [{ text: "Olá, quero saber o preço" }],
      deletedAt: expect.any(Number),
      reactions: [{ emoji: "❤️", fromMe: false }],
    });
    await t.finishAllScheduledFunctions(() => {});
    expect((await pendingRows()).filter((row) => row.externalId === "3A0000000000000000A1")).toEqual([]);
  });

  test("waiting updates older than three days are pruned", async () => {
    await t.run((ctx) =>
      ctx.db.insert("pendingMessageUpdates", { orgId: orgA, agentId: agentA, externalId: "OLD", update: { kind: "delete", at: 1 }, receivedAt: Date.now() - 4 * 86_400_000 }),
    );
    await deliverOk(evolutionFixture("delete"));
    const { internal } = await import("../../convex/_generated/api");
    expect(await t.mutation(internal.whatsapp.prunePendingUpdates, {})).toEqual({ deleted: 1 });
    expect((await pendingRows()).map((row) => row.externalId)).toEqual(["3A0000000000000000A1"]);
  });
});

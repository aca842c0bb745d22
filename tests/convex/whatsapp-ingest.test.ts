import { beforeEach, describe, expect, test } from "vitest";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { sendTargetOf } from "../../convex/model/contacts";
import { MAX_TEXT_LENGTH } from "../../convex/model/messages";
import {
  CUSTOMER,
  CUSTOMER_JID,
  CUSTOMER_LID_JID,
  INSTANCE_B,
  SECRET_B,
  TS1,
  TS2,
  TS3,
  deliverWhatsApp,
  evolutionFixture,
  seedWebhookAgents,
  sendMessage,
  upsert,
  webhookRows,
} from "../fixtures/evolution";
import { newTest, type TestConvex } from "./setup";

let t: TestConvex;
let orgA: Id<"organizations">;
let orgB: Id<"organizations">;
let agentA: Id<"agents">;
let agentB: Id<"agents">;

beforeEach(async () => {
  t = newTest();
  ({ orgA, orgB, agentA, agentB } = await seedWebhookAgents(t));
});

const all = <T extends "contacts" | "sessions" | "messages">(table: T) =>
  t.run(async (ctx) => (await ctx.db.query(table).collect()) as Doc<T>[]);

/** The thread as the conversation view reads it: index by_org_and_session_and_sentAt. */
const thread = (orgId: Id<"organizations">, sessionId: Id<"sessions">) =>
  t.run((ctx) =>
    ctx.db
      .query("messages")
      .withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", orgId).eq("sessionId", sessionId))
      .collect(),
  );

/** The same delivery without its inlined file (webhook `base64: false`). */
function withoutInlineFile<T extends { data: unknown }>(fixture: T): T {
  delete (fixture.data as { message: { base64?: string } }).message.base64;
  return fixture;
}

async function expectStored(payload: unknown, options?: Parameters<typeof deliverWhatsApp>[2]) {
  const response = await deliverWhatsApp(t, payload, options);
  expect(response).toEqual({ status: 200, body: { success: true, outcome: "stored" } });
}

/** A message we sent ourselves (human reply flow): already has WhatsApp's id. */
async function seedOwnReply(externalId: string, delivery: Doc<"messages">["delivery"]) {
  await expectStored(upsert({ id: "IN-1", timestamp: TS1 }));
  return t.run(async (ctx) => {
    const session = (await ctx.db.query("sessions").first())!;
    return ctx.db.insert("messages", {
      orgId: orgA,
      sessionId: session._id,
      agentId: agentA,
      direction: "out",
      author: "human",
      text: "Custa R$ 99",
      externalId,
      sentAt: TS2 * 1000,
      delivery,
    });
  });
}

describe("a customer's first message", () => {
  test("creates the contact, an active session and the message, timed by the provider", async () => {
    await expectStored(upsert({ id: "M1", text: "Olá, quero saber o preço", timestamp: TS1, pushName: "Maria Silva" }));
    const [contact] = await all("contacts");
    expect(contact).toMatchObject({ orgId: orgA, agentId: agentA, waJid: CUSTOMER_JID, name: "Maria Silva" });
    const [session] = await all("sessions");
    expect(session).toMatchObject({
      orgId: orgA,
      agentId: agentA,
      contactId: contact._id,
      stage: "situation",
      status: "open",
      botPaused: false,
      needsAttention: false,
      pendingReply: false,
      unreadCount: 1,
      lastMessageAt: TS1 * 1000,
      lastMessagePreview: "Olá, quero saber o preço",
      lastMessageDirection: "in",
    });
    const [message] = await all("messages");
    expect(message).toMatchObject({
      orgId: orgA,
      sessionId: session._id,
      agentId: agentA,
      direction: "in",
      author: "customer",
      text: "Olá, quero saber o preço",
      externalId: "M1",
      sentAt: TS1 * 1000,
      delivery: "delivered",
    });
  });

  test("keeps only the first 140 characters as the list preview", async () => {
    await expectStored(upsert({ text: "a".repeat(500) }));
    const [session] = await all("sessions");
    expect(session.lastMessagePreview).toHaveLength(140);
    expect((await all("messages"))[0].text).toHaveLength(500);
  });

});

describe("what a message is", () => {
  test("a photo is stored at once with its kind, its caption as the text and its file pending", async () => {
    await expectStored(withoutInlineFile(evolutionFixture("upsert-image")));
    const [message] = await all("messages");
    expect(message).toMatchObject({ kind: "image", text: "essa é a planilha", media: { state: "pending", mimeType: "image/jpeg", size: 183211 } });
    expect((await all("sessions"))[0]).toMatchObject({ lastMessagePreview: "essa é a planilha", lastMessageKind: "image" });
  });

  test("a voice note without words is stored with empty text, never a placeholder", async () => {
    await expectStored(evolutionFixture("upsert-audio-voice-note"));
    const [message] = await all("messages");
    expect(message).toMatchObject({ kind: "audio", text: "", media: { state: "pending", durationSec: 7, voiceNote: true, mimeType: "audio/ogg" } });
    expect((await all("sessions"))[0]).toMatchObject({ lastMessagePreview: "", lastMessageKind: "audio" });
  });

  test.each([
    ["upsert-video", { kind: "video", media: { state: "pending", durationSec: 14 } }],
    ["upsert-document", { kind: "document", media: { state: "pending", fileName: "proposta-comercial.pdf" } }],
    ["upsert-sticker", { kind: "sticker", media: { state: "pending", mimeType: "image/webp" } }],
    ["upsert-location", { kind: "location", location: { latitude: -23.561414, longitude: -46.655881, name: "Avenida Paulista, 1578" } }],
    ["upsert-contact", { kind: "contact", sharedContact: { name: "João Pereira", phone: "5521987654321" } }],
  ] as const)("%s is stored with its kind and facts", async (name, expected) => {
    await expectStored(evolutionFixture(name));
    expect((await all("messages"))[0]).toMatchObject(expected);
  });

  test("a text after a photo clears the list's kind", async () => {
    await expectStored(withoutInlineFile(evolutionFixture("upsert-image")));
    await expectStored(upsert({ id: "LATER", text: "e aí?", timestamp: TS2 }));
    expect((await all("sessions"))[0].lastMessageKind).toBeUndefined();
  });

  test("a file Evolution inlined is put in storage and filed for the download", async () => {
    await expectStored(evolutionFixture("upsert-image"));
    const [message] = await all("messages");
    const inbox = await t.run((ctx) => ctx.db.query("mediaInbox").collect());
    expect(inbox).toEqual([expect.objectContaining({ orgId: orgA, messageId: message._id, mimeType: "image/jpeg" })]);
    const bytes = await t.run(async (ctx) => (await ctx.storage.get(inbox[0].storageId))!.arrayBuffer());
    expect(new Uint8Array(bytes).slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
  });

  test("a replay with an inlined file stores neither the message nor the file again", async () => {
    await expectStored(evolutionFixture("upsert-image"));
    // Re-sent later, under a new token: an identical token and body would be stopped before ingest.
    const replay = await deliverWhatsApp(t, evolutionFixture("upsert-image"), { iat: Math.floor(Date.now() / 1000) - 1 });
    expect(replay.body).toEqual({ success: true, outcome: "duplicate" });
    // One file whether the download already adopted the inline copy or it still waits in mediaInbox.
    expect(await t.run((ctx) => ctx.db.system.query("_storage").collect())).toHaveLength(1);
    expect(await all("messages")).toHaveLength(1);
  });

  test("a body over 1 MiB is accepted when an inlined file makes the difference", async () => {
    const big = evolutionFixture("upsert-image");
    const bytes = new Uint8Array(1_200_000).fill(0xab);
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    (big.data as { message: { base64: string } }).message.base64 = btoa(binary);
    await expectStored(big);
    const [inbox] = await t.run((ctx) => ctx.db.query("mediaInbox").collect());
    expect((await t.run(async (ctx) => (await ctx.storage.get(inbox.storageId))!.size))).toBe(1_200_000);
  });

  test("a reply is linked to the quoted message when it is stored", async () => {
    await expectStored(evolutionFixture("send-message"));
    await expectStored(evolutionFixture("upsert-text-quoted-reply"));
    const quotedRow = (await all("messages")).find((m) => m.externalId === "3EB0OURQUESTION")!;
    const reply = (await all("messages")).find((m) => m.externalId === "3A0000000000000000A2")!;
    expect(reply.quoted).toEqual({ externalId: "3EB0OURQUESTION", text: "Você quer o plano anual?", kind: "text", messageId: quotedRow._id });
  });

  test("a reply quoting a message we never stored keeps the quote without a link", async () => {
    await expectStored(evolutionFixture("upsert-text-quoted-reply"));
    expect((await all("messages"))[0].quoted).toEqual({ externalId: "3EB0OURQUESTION", text: "Você quer o plano anual?", kind: "text" });
  });
});

describe("idempotency and order", () => {
  test("the same message id delivered twice is stored once", async () => {
    await expectStored(upsert({ id: "SAME" }));
    const replay = await deliverWhatsApp(t, upsert({ id: "SAME" }), { iat: Math.floor(Date.now() / 1000) - 1 });
    expect(replay).toEqual({ status: 200, body: { success: true, outcome: "duplicate" } });
    expect(await all("messages")).toHaveLength(1);
    expect((await all("sessions"))[0].unreadCount).toBe(1);
  });

  test("deliveries out of order still read in provider order, lastMessageAt the newest", async () => {
    await expectStored(upsert({ id: "THIRD", text: "terceira", timestamp: TS3 }));
    await expectStored(upsert({ id: "FIRST", text: "primeira", timestamp: TS1 }));
    await expectStored(upsert({ id: "SECOND", text: "segunda", timestamp: TS2 }));
    const [session] = await all("sessions");
    expect((await thread(orgA, session._id)).map((m) => m.text)).toEqual(["primeira", "segunda", "terceira"]);
    expect(session).toMatchObject({ lastMessageAt: TS3 * 1000, lastMessagePreview: "terceira", unreadCount: 3 });
    expect(await all("sessions")).toHaveLength(1);
  });

  test("a new name from the customer's profile updates the contact", async () => {
    await expectStored(upsert({ pushName: "Maria" }));
    await expectStored(upsert({ pushName: "Maria Silva" }));
    expect(await all("contacts")).toEqual([expect.objectContaining({ name: "Maria Silva" })]);
  });
});

describe("what is not a customer conversation", () => {
  test("a group message is acknowledged and ignored", async () => {
    const before = await webhookRows(t);
    const response = await deliverWhatsApp(t, upsert({ remoteJid: "120363025246125888@g.us" }));
    expect(response).toEqual({ status: 200, body: { success: true, ignored: true, reason: "group" } });
    expect(await webhookRows(t)).toEqual(before);
  });

  test("a reaction naming no message is acknowledged and ignored", async () => {
    const response = await deliverWhatsApp(t, upsert({ message: { reactionMessage: { text: "❤️" } } }));
    expect(response.body).toEqual({ success: true, ignored: true, reason: "content" });
    expect(await all("messages")).toEqual([]);
  });
});

describe("oversized text", () => {
  test("an inbound text over WhatsApp's 4,096 characters is stored cut, with its full length and a mark", async () => {
    const long = "planilha ".repeat(1_000);
    await expectStored(upsert({ text: long }));
    const [message] = await all("messages");
    expect(message.text).toHaveLength(MAX_TEXT_LENGTH);
    expect(message).toMatchObject({ textLength: long.length, truncated: true });
    const [session] = await all("sessions");
    expect(session.lastMessagePreview!.length).toBeLessThanOrEqual(140);
  });

  test("a text within the limit is stored whole, unmarked", async () => {
    await expectStored(upsert({ text: "Oi, tudo bem?" }));
    const [message] = await all("messages");
    expect(message.text).toBe("Oi, tudo bem?");
    expect(message.truncated).toBeUndefined();
  });
});

describe("LID senders", () => {
  test("are stored under their phone JID, so a reply goes to their number", async () => {
    await expectStored(upsert({ lid: true, id: "L1" }));
    const [contact] = await all("contacts");
    expect(contact).toMatchObject({ waJid: CUSTOMER_JID, waJidAlt: CUSTOMER_LID_JID });
    expect(sendTargetOf(contact)).toBe(CUSTOMER);
  });

  test("the same person writing without LID addressing lands in the same conversation", async () => {
    await expectStored(upsert({ lid: true, id: "L1", timestamp: TS1 }));
    await expectStored(upsert({ id: "P1", timestamp: TS2 }));
    expect(await all("contacts")).toHaveLength(1);
    expect(await all("sessions")).toHaveLength(1);
    expect(await all("messages")).toHaveLength(2);
  });
});

describe("tenant isolation", () => {
  test("the same message id in two orgs' agents is stored once in each, in its own org", async () => {
    await expectStored(upsert({ id: "SHARED", text: "para A" }));
    await expectStored(upsert({ id: "SHARED", text: "para B", instance: INSTANCE_B }), { secret: SECRET_B });
    const messages = await all("messages");
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.agentId === agentA)).toMatchObject({ orgId: orgA, text: "para A" });
    expect(messages.find((m) => m.agentId === agentB)).toMatchObject({ orgId: orgB, text: "para B" });
    for (const table of ["contacts", "sessions"] as const) {
      const rows = await all(table);
      expect(rows.map((row) => [row.orgId, row.agentId]).sort()).toEqual([[orgA, agentA], [orgB, agentB]].sort());
    }
  });

  test("a replay for agent B never finds agent A's message as a duplicate", async () => {
    await expectStored(upsert({ id: "SHARED" }));
    await expectStored(upsert({ id: "SHARED", instance: INSTANCE_B }), { secret: SECRET_B });
    const replayB = await deliverWhatsApp(t, upsert({ id: "SHARED", instance: INSTANCE_B }), { secret: SECRET_B, iat: Math.floor(Date.now() / 1000) - 1 });
    expect(replayB.body).toEqual({ success: true, outcome: "duplicate" });
    expect(await all("messages")).toHaveLength(2);
  });
});

describe("our own messages (fromMe)", () => {
  test("the echo of a message we sent only moves its delivery forward: no duplicate", async () => {
    const ownId = await seedOwnReply("3EB0OURS", "sent");
    const echo = await deliverWhatsApp(t, upsert({ id: "3EB0OURS", fromMe: true, status: "DELIVERY_ACK", text: "Custa R$ 99" }));
    expect(echo.body).toEqual({ success: true, outcome: "updated" });
    expect(await all("messages")).toHaveLength(2);
    expect(await t.run((ctx) => ctx.db.get("messages", ownId))).toMatchObject({ delivery: "delivered", author: "human" });
  });

  test("a late SERVER_ACK echo never takes delivery back", async () => {
    const ownId = await seedOwnReply("3EB0OURS", "read");
    const echo = await deliverWhatsApp(t, upsert({ id: "3EB0OURS", fromMe: true, status: "SERVER_ACK" }));
    expect(echo.body).toEqual({ success: true, outcome: "unchanged" });
    expect(await t.run((ctx) => ctx.db.get("messages", ownId))).toMatchObject({ delivery: "read" });
  });

  test("send.message marks our pending message sent", async () => {
    const ownId = await seedOwnReply("3EB0PEND", "pending");
    const response = await deliverWhatsApp(t, sendMessage({ id: "3EB0PEND" }));
    expect(response.body).toEqual({ success: true, outcome: "updated" });
    expect(await t.run((ctx) => ctx.db.get("messages", ownId))).toMatchObject({ delivery: "sent" });
    expect(await all("messages")).toHaveLength(2);
  });

  test("a message typed on the phone itself is stored as out/human, unread untouched", async () => {
    await expectStored(upsert({ id: "IN-1", timestamp: TS1 }));
    await expectStored(upsert({ id: "PHONE-1", fromMe: true, text: "Te ligo já", timestamp: TS2 }));
    const typed = (await all("messages")).find((m) => m.externalId === "PHONE-1");
    expect(typed).toMatchObject({ direction: "out", author: "human", text: "Te ligo já", delivery: "sent", sentAt: TS2 * 1000 });
    const [session] = await all("sessions");
    expect(session).toMatchObject({ unreadCount: 1, lastMessageDirection: "out", lastMessagePreview: "Te ligo já" });
    // pushName on our own messages is the business's name, never the customer's.
    expect((await all("contacts"))[0].name).toBe("Maria Silva");
  });

  test("an API send we never recorded (another client of the gateway) and its echo are stored once", async () => {
    await expectStored(sendMessage({ id: "3EB0API", text: "Oi!" }));
    const echo = await deliverWhatsApp(t, upsert({ id: "3EB0API", fromMe: true, text: "Oi!" }));
    expect(echo.body).toEqual({ success: true, outcome: "unchanged" });
    expect(await all("messages")).toHaveLength(1);
  });
});

describe("closed conversations", () => {
  test("an inbound message reopens the session and counts as unread", async () => {
    await expectStored(upsert({ id: "M1", timestamp: TS1 }));
    const [session] = await all("sessions");
    await t.run((ctx) => ctx.db.patch("sessions", session._id, { status: "resolved", unreadCount: 0 }));
    await expectStored(upsert({ id: "M2", timestamp: TS2 }));
    expect(await all("sessions")).toEqual([expect.objectContaining({ _id: session._id, status: "open", unreadCount: 1 })]);
  });

  test("a message typed on the phone does not reopen a closed session", async () => {
    await expectStored(upsert({ id: "M1", timestamp: TS1 }));
    const [session] = await all("sessions");
    await t.run((ctx) => ctx.db.patch("sessions", session._id, { status: "resolved", unreadCount: 0 }));
    await expectStored(upsert({ id: "PHONE-1", fromMe: true, timestamp: TS2 }));
    expect(await all("sessions")).toEqual([expect.objectContaining({ status: "resolved", unreadCount: 0 })]);
  });
});

describe("what the bot's engine sees", () => {
  test("each message's kind: a caption-less voice note is an audio turn with no words", async () => {
    await expectStored(upsert({ id: "T1", text: "Oi", timestamp: TS1 }));
    await expectStored(evolutionFixture("upsert-audio-voice-note"));
    const { readBotContext } = await import("../../convex/model/botPlan");
    const context = await t.run(async (ctx) => {
      const session = (await ctx.db.query("sessions").first())!;
      const agent = (await ctx.db.get("agents", session.agentId))!;
      return readBotContext(ctx.db, { session, agent });
    });
    expect(context!.messages.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: "text", text: "Oi" },
      { kind: "audio", text: "" },
    ]);
  });
});

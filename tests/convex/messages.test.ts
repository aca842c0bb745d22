import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Doc } from "../../convex/_generated/dataModel";
import { EVOLUTION_URL, insertContact, insertMessage, insertSession, orgWithAgent, stubEvolution } from "../fixtures/conversations";
import { identity, identityWithRole } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const page = (numItems: number, cursor: string | null = null) => ({ numItems, cursor });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** Org A with one conversation (Maria, by phone JID) and org B with one of its own. */
async function twoOrgsWithConversations(contact: Partial<Doc<"contacts">> = {}) {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const contactId = await insertContact(ctx, a.orgId, a.agentId, contact);
    const sessionA = await insertSession(ctx, a.orgId, a.agentId, { contactId, lastMessageAt: 1000, unreadCount: 2 });
    const sessionB = await insertSession(ctx, b.orgId, b.agentId, { lastMessageAt: 1000 });
    return { a, b, sessionA, sessionB };
  });
  return { t, ...ids };
}

const allMessages = (t: ReturnType<typeof newTest>) => t.run((ctx) => ctx.db.query("messages").collect());

describe("list", () => {
  test("pages through a thread newest first, ordered by the provider's time", async () => {
    const { t, sessionA } = await twoOrgsWithConversations();
    await t.run(async (ctx) => {
      // Stored out of order, as late webhook deliveries arrive.
      for (const sentAt of [3000, 1000, 4000, 2000]) await insertMessage(ctx, sessionA, { text: `at ${sentAt}`, sentAt });
    });
    const caller = t.withIdentity(member);
    const first = await caller.query(api.messages.list, { orgId: "org_a", sessionId: sessionA, paginationOpts: page(3) });
    const second = await caller.query(api.messages.list, {
      orgId: "org_a",
      sessionId: sessionA,
      paginationOpts: page(3, first.continueCursor),
    });
    expect([...first.page, ...second.page].map((message) => message.text)).toEqual(["at 4000", "at 3000", "at 2000", "at 1000"]);
    expect(second.isDone).toBe(true);
    expect(first.page[0]).toEqual({
      _id: expect.any(String),
      direction: "in",
      author: "customer",
      text: "at 4000",
      sentAt: 4000,
      delivery: "delivered",
      stage: null,
      kind: "text",
      media: null,
      location: null,
      sharedContact: null,
      quoted: null,
      reactions: [],
      editedAt: null,
      previousTexts: [],
      deleted: false,
      inboundSeq: null,
      authorName: null,
      authorImageUrl: null,
    });
  });

  test("refuses another organization's session with NOT_FOUND", async () => {
    const { t, sessionB } = await twoOrgsWithConversations();
    await t.run((ctx) => insertMessage(ctx, sessionB, { text: "secret of B" }));
    const attempt = t.withIdentity(member).query(api.messages.list, { orgId: "org_a", sessionId: sessionB, paginationOpts: page(10) });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

describe("sendHuman", () => {
  test("a member's reply is stored as human, sent to the contact's phone and marked sent with WhatsApp's id", async () => {
    const { t, a, sessionA } = await twoOrgsWithConversations();
    const gateway = stubEvolution({ externalId: "3EB0AAAA0001" });
    const { messageId } = await t
      .withIdentity(member)
      .action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "  Posso ajudar?  " });

    const agent = await t.run((ctx) => ctx.db.get("agents", a.agentId));
    expect(gateway.calls).toEqual([
      {
        method: "POST",
        url: `${EVOLUTION_URL}/message/sendText/${agent!.instanceName}`,
        apikey: "test-api-key",
        body: expect.objectContaining({ number: "5511988887777", text: "Posso ajudar?" }),
      },
    ]);
    const message = await t.run((ctx) => ctx.db.get("messages", messageId));
    expect(message).toMatchObject({
      orgId: a.orgId,
      sessionId: sessionA,
      agentId: a.agentId,
      direction: "out",
      author: "human",
      text: "Posso ajudar?",
      externalId: "3EB0AAAA0001",
      delivery: "sent",
    });
    const session = await t.run((ctx) => ctx.db.get("sessions", sessionA));
    expect(session).toMatchObject({
      lastMessageAt: message!.sentAt,
      lastMessagePreview: "Posso ajudar?",
      lastMessageDirection: "out",
      unreadCount: 2,
    });
  });

  test("a LID contact is answered on its phone number, not on the LID", async () => {
    const { t, sessionA } = await twoOrgsWithConversations({
      waJid: "5511977776666@s.whatsapp.net",
      waJidAlt: "123456789012345@lid",
    });
    const gateway = stubEvolution();
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi" });
    expect(gateway.calls.map((call) => (call.body as { number: string }).number)).toEqual(["5511977776666"]);
  });

  test("keeps the message pending until the gateway answers", async () => {
    const { t, sessionA } = await twoOrgsWithConversations();
    const seen: string[] = [];
    stubEvolution();
    const realFetch = globalThis.fetch;
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(...(await allMessages(t)).filter((m) => m.author === "human").map((m) => m.delivery));
      return realFetch(input, init);
    });
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi" });
    expect(seen).toEqual(["pending"]);
  });

  test.each([
    ["empty", "   "],
    ["too long", "x".repeat(4097)],
  ])("refuses %s text with INVALID_ARGUMENT, storing and sending nothing", async (_name, text) => {
    const { t, sessionA } = await twoOrgsWithConversations();
    const gateway = stubEvolution();
    const attempt = t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await allMessages(t)).toEqual([]);
    expect(gateway.calls).toEqual([]);
  });

  test("accepts exactly 4096 characters", async () => {
    const { t, sessionA } = await twoOrgsWithConversations();
    stubEvolution();
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "x".repeat(4096) });
    const [message] = await allMessages(t);
    expect(message.text).toHaveLength(4096);
    expect((await t.run((ctx) => ctx.db.get("sessions", sessionA)))?.lastMessagePreview).toHaveLength(140);
  });

  test("marks the message failed and answers INTERNAL_ERROR when the gateway fails", async () => {
    const { t, sessionA } = await twoOrgsWithConversations();
    const gateway = stubEvolution({ failWith: 500 });
    const attempt = t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INTERNAL_ERROR" } });
    expect(gateway.calls.length).toBeGreaterThan(0);
    const messages = await allMessages(t);
    expect(messages).toEqual([expect.objectContaining({ author: "human", delivery: "failed" })]);
    expect(messages[0].externalId).toBeUndefined();
  });

  test.each([
    ["disconnected", { status: "close" as const }],
    ["still pairing", { status: "connecting" as const }],
    ["deleted", { deletedAt: 1 }],
  ])("refuses with CONFLICT when the agent is %s, storing and sending nothing", async (_name, patch) => {
    const { t, a, sessionA } = await twoOrgsWithConversations();
    await t.run((ctx) => ctx.db.patch("agents", a.agentId, patch));
    const gateway = stubEvolution();
    const attempt = t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    expect(await allMessages(t)).toEqual([]);
    expect(gateway.calls).toEqual([]);
  });

  test("a reply in a resolved conversation is sent and reopens it (a salesperson following the lead up)", async () => {
    const { t, sessionA } = await twoOrgsWithConversations();
    await t.run((ctx) => ctx.db.patch("sessions", sessionA, { status: "resolved" }));
    const gateway = stubEvolution();
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi" });
    expect(gateway.calls).toHaveLength(1);
    expect((await t.run((ctx) => ctx.db.get("sessions", sessionA)))?.status).toBe("open");
  });

  test("refuses a human reply to another organization's session with NOT_FOUND, never calling the gateway", async () => {
    const { t, sessionB } = await twoOrgsWithConversations();
    const before = await t.run((ctx) => ctx.db.get("sessions", sessionB));
    const gateway = stubEvolution();
    const attempt = t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionB, text: "Oi" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(gateway.calls).toEqual([]);
    expect(await allMessages(t)).toEqual([]);
    expect(await t.run((ctx) => ctx.db.get("sessions", sessionB))).toEqual(before);
  });

  test("is open to members and admins alike", async () => {
    const { t, sessionA } = await twoOrgsWithConversations();
    stubEvolution();
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "member" });
    await t.withIdentity(identityWithRole("admin")).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "admin" });
    expect((await allMessages(t)).map((message) => message.text)).toEqual(["member", "admin"]);
  });
});

describe("markSent", () => {
  test("folds a send.message echo that arrived before WhatsApp's id was recorded into the reply", async () => {
    const { t, a, sessionA } = await twoOrgsWithConversations();
    const { replyId } = await t.run(async (ctx) => {
      const replyId = await insertMessage(ctx, sessionA, { direction: "out", author: "human", text: "Oi", delivery: "pending" });
      await insertMessage(ctx, sessionA, { direction: "out", author: "human", text: "Oi", externalId: "3EB0ECHO", delivery: "delivered" });
      return { replyId };
    });
    await t.mutation(internal.messages.markSent, { orgId: a.orgId, messageId: replyId, externalId: "3EB0ECHO" });
    expect(await allMessages(t)).toEqual([expect.objectContaining({ _id: replyId, externalId: "3EB0ECHO", delivery: "delivered" })]);
  });
});

describe("list: authors", () => {
  test("names the bot by its persona, a member by name and picture, and a message typed on the phone by neither", async () => {
    const { t, a, sessionA } = await twoOrgsWithConversations();
    await t.run(async (ctx) => {
      await ctx.db.patch("agents", a.agentId, { persona: "Sou a Júlia, consultora da Acme" });
      await ctx.db.patch("users", a.userId, { name: "Adam Admin", imageUrl: "https://img.example/adam.png" });
      await insertMessage(ctx, sessionA, { direction: "out", author: "bot", text: "bot", sentAt: 1 });
      await insertMessage(ctx, sessionA, { direction: "out", author: "human", authorUserId: a.userId, text: "member", sentAt: 2 });
      await insertMessage(ctx, sessionA, { direction: "out", author: "human", authorUserId: a.userId, text: "member again", sentAt: 3 });
      await insertMessage(ctx, sessionA, { direction: "out", author: "human", text: "phone", sentAt: 4 });
    });
    const { page: messages } = await t.withIdentity(member).query(api.messages.list, { orgId: "org_a", sessionId: sessionA, paginationOpts: page(10) });
    expect(messages.map((m) => [m.text, m.authorName, m.authorImageUrl])).toEqual([
      ["phone", null, null],
      ["member again", "Adam Admin", "https://img.example/adam.png"],
      ["member", "Adam Admin", "https://img.example/adam.png"],
      ["bot", "Júlia", null],
    ]);
  });

  test("the composer's reply records the member who sent it", async () => {
    const { t, a, sessionA } = await twoOrgsWithConversations();
    stubEvolution();
    const { messageId } = await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi" });
    expect((await t.run((ctx) => ctx.db.get("messages", messageId)))!.authorUserId).toBe(a.userId);
  });
});

import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { messageContributions } from "../../lib/metrics/contributions";
import { readBotContext } from "../../convex/model/botPlan";
import { insertMessage, insertSession, orgWithAgent, stubEvolution } from "../fixtures/conversations";
import { insertUser } from "../fixtures/rows";
import { identity } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const olivia = identity({ userId: "user_olivia", orgId: "org_a" });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

async function orgWithTeam() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const oliviaId = await insertUser(ctx, "user_olivia");
    await ctx.db.insert("memberships", { orgId: a.orgId, userId: oliviaId, role: "owner" });
    const sessionA = await insertSession(ctx, a.orgId, a.agentId, { lastMessageAt: 1000, lastMessagePreview: "Oi", lastMessageDirection: "in" });
    const sessionB = await insertSession(ctx, b.orgId, b.agentId);
    return { a, b, oliviaId, sessionA, sessionB };
  });
  return { t, ...ids };
}

describe("add", () => {
  test("stores a private note by its author, shown in the thread with the author's name", async () => {
    const { t, a, sessionA } = await orgWithTeam();
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "  Ligar amanhã  " });
    const { page } = await t.withIdentity(member).query(api.messages.list, { orgId: "org_a", sessionId: sessionA, paginationOpts: { numItems: 10, cursor: null } });
    expect(page).toEqual([expect.objectContaining({ author: "note", text: "Ligar amanhã", authorName: `Name user_member_org_a` })]);
    const stored = await t.run((ctx) => ctx.db.query("messages").collect());
    expect(stored[0]).toMatchObject({ authorUserId: a.userId, direction: "out" });
  });

  test("never reaches the gateway and schedules nothing", async () => {
    const { t, sessionA } = await orgWithTeam();
    const gateway = stubEvolution();
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "Cliente difícil" });
    const scheduled = await t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect());
    expect(gateway.calls).toEqual([]);
    expect(scheduled).toEqual([]);
  });

  test("leaves the conversation list row and the first-response facts alone", async () => {
    const { t, sessionA } = await orgWithTeam();
    await t.run((ctx) => ctx.db.patch("sessions", sessionA, { firstInboundAt: 500 }));
    const before = await t.run((ctx) => ctx.db.get("sessions", sessionA));
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "Nota" });
    expect(await t.run((ctx) => ctx.db.get("sessions", sessionA))).toEqual(before);
  });

  test("is not counted in the dashboard rollups", async () => {
    const { t, sessionA } = await orgWithTeam();
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "Nota" });
    expect(await t.run((ctx) => ctx.db.query("dailyStats").collect())).toEqual([]);
    expect(messageContributions({ agentId: "a", direction: "out", author: "note", sentAt: 1 })).toEqual([]);
  });

  test("is left out of what the bot reads of the conversation", async () => {
    const { t, sessionA } = await orgWithTeam();
    await t.run((ctx) => insertMessage(ctx, sessionA, { text: "Quanto custa?", sentAt: 900 }));
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "Ele quer desconto" });
    const context = await t.run(async (ctx) => {
      const session = (await ctx.db.get("sessions", sessionA))!;
      return readBotContext(ctx.db, { session, agent: (await ctx.db.get("agents", session.agentId))! });
    });
    expect(context!.messages.map((message) => message.text)).toEqual(["Quanto custa?"]);
  });

  test("records a mention for each member named, which opening the conversation marks seen", async () => {
    const { t, oliviaId, sessionA } = await orgWithTeam();
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "@Olivia veja", mentionedUserIds: [oliviaId, oliviaId] });
    const mentions = await t.run((ctx) => ctx.db.query("mentions").collect());
    expect(mentions).toEqual([expect.objectContaining({ userId: oliviaId, sessionId: sessionA })]);
    expect(mentions[0]!.seenAt).toBeUndefined();
    await t.withIdentity(olivia).mutation(api.sessions.markRead, { orgId: "org_a", sessionId: sessionA });
    expect((await t.run((ctx) => ctx.db.query("mentions").collect()))[0]!.seenAt).toEqual(expect.any(Number));
  });

  test("another member opening the conversation leaves the mention unseen", async () => {
    const { t, oliviaId, sessionA } = await orgWithTeam();
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "@Olivia", mentionedUserIds: [oliviaId] });
    await t.withIdentity(member).mutation(api.sessions.markRead, { orgId: "org_a", sessionId: sessionA });
    expect((await t.run((ctx) => ctx.db.query("mentions").collect()))[0]!.seenAt).toBeUndefined();
  });

  test("refuses to mention someone who is not a member with INVALID_ARGUMENT, storing nothing", async () => {
    const { t, b, sessionA } = await orgWithTeam();
    const attempt = t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "@B", mentionedUserIds: [b.userId] });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await t.run((ctx) => ctx.db.query("messages").collect())).toEqual([]);
  });

  test("refuses a member who has left with INVALID_ARGUMENT", async () => {
    const { t, a, oliviaId, sessionA } = await orgWithTeam();
    await t.run(async (ctx) => {
      const membership = await ctx.db.query("memberships").withIndex("by_org_and_user", (q) => q.eq("orgId", a.orgId).eq("userId", oliviaId)).unique();
      await ctx.db.patch("memberships", membership!._id, { deletedAt: 1 });
    });
    const attempt = t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "@Olivia", mentionedUserIds: [oliviaId] });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
  });

  test("refuses an empty or oversize note with INVALID_ARGUMENT", async () => {
    const { t, sessionA } = await orgWithTeam();
    const caller = t.withIdentity(member);
    await expect(caller.mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "   " })).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    await expect(caller.mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "x".repeat(4097) })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
  });

  test("refuses another organization's conversation with NOT_FOUND", async () => {
    const { t, sessionB } = await orgWithTeam();
    const attempt = t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionB, text: "x" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});


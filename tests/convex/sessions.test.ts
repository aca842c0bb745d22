import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { insertAgent, insertContact, insertSession, orgWithAgent } from "../fixtures/conversations";
import { identity } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const page = (numItems: number, cursor: string | null = null) => ({ numItems, cursor });

/** Org A (three sessions, the newest last) and org B (one session), as the list tests need them. */
async function twoOrgsWithSessions() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const sessionsA: Id<"sessions">[] = [];
    for (let i = 0; i < 3; i++) {
      const contactId = await insertContact(ctx, a.orgId, a.agentId, { waJid: `551190000000${i}@s.whatsapp.net`, name: `Customer ${i}` });
      sessionsA.push(await insertSession(ctx, a.orgId, a.agentId, { contactId, lastMessageAt: 1000 + i }));
    }
    const sessionB = await insertSession(ctx, b.orgId, b.agentId, { lastMessageAt: 5000, unreadCount: 4 });
    return { a, b, sessionsA, sessionB };
  });
  return { t, ...ids };
}

describe("list", () => {
  test("lists the org's sessions newest activity first, joined with contact and agent", async () => {
    const { t, a, sessionsA } = await twoOrgsWithSessions();
    await t.run((ctx) =>
      ctx.db.patch("sessions", sessionsA[2], { lastMessagePreview: "Quanto custa?", lastMessageDirection: "in", inboundSeq: 2 }),
    );
    const result = await t.withIdentity(member).query(api.sessions.list, { orgId: "org_a", paginationOpts: page(10) });
    expect(result.page.map((item) => item._id)).toEqual([sessionsA[2], sessionsA[1], sessionsA[0]]);
    expect(result.page[0]).toEqual({
      _id: sessionsA[2],
      agentId: a.agentId,
      agentName: "Agent 1",
      contactName: "Customer 2",
      contactNumber: "5511900000002",
      stage: "situation",
      status: "open",
      unreadCount: 2,
      readSeq: 0,
      assignee: null,
      snoozedUntil: null,
      lastMessageAt: 1002,
      lastMessagePreview: "Quanto custa?",
      lastMessageDirection: "in",
      lastMessageKind: null,
      lastMessageDeleted: false,
      botPaused: false,
      needsAttention: false,
      handoffSuggested: false,
      waitingSince: null,
      contactOptedOut: false,
      agentStatus: "open",
      agentDeleted: false,
      labels: [],
    });
    expect(result.page[1]).toMatchObject({ unreadCount: 0, lastMessagePreview: null, lastMessageDirection: null });
  });

  test("pages through the sessions without repeating one", async () => {
    const { t, sessionsA } = await twoOrgsWithSessions();
    const caller = t.withIdentity(member);
    const first = await caller.query(api.sessions.list, { orgId: "org_a", paginationOpts: page(2) });
    const second = await caller.query(api.sessions.list, { orgId: "org_a", paginationOpts: page(2, first.continueCursor) });
    expect(first.page.map((item) => item._id)).toEqual([sessionsA[2], sessionsA[1]]);
    expect(second.page.map((item) => item._id)).toEqual([sessionsA[0]]);
    expect(second.isDone).toBe(true);
  });

  test("filters by agent, by status and by both, with full pages", async () => {
    const { t, a, sessionsA } = await twoOrgsWithSessions();
    const { otherAgent, otherSession } = await t.run(async (ctx) => {
      const otherAgent = await insertAgent(ctx, a.orgId, { name: "Support" });
      const otherSession = await insertSession(ctx, a.orgId, otherAgent, { lastMessageAt: 3000, status: "resolved" });
      await ctx.db.patch("sessions", sessionsA[1], { status: "resolved" });
      return { otherAgent, otherSession };
    });
    const caller = t.withIdentity(member);
    const ids = async (filter: { agentId?: Id<"agents">; status?: "open" | "resolved" }, numItems = 10) =>
      (await caller.query(api.sessions.list, { orgId: "org_a", paginationOpts: page(numItems), ...filter })).page.map((item) => item._id);

    expect(await ids({ agentId: a.agentId })).toEqual([sessionsA[2], sessionsA[1], sessionsA[0]]);
    expect(await ids({ agentId: otherAgent })).toEqual([otherSession]);
    expect(await ids({ status: "resolved" })).toEqual([otherSession, sessionsA[1]]);
    expect(await ids({ status: "open" }, 2)).toEqual([sessionsA[2], sessionsA[0]]);
    expect(await ids({ agentId: a.agentId, status: "resolved" })).toEqual([sessionsA[1]]);
  });

  test("never lists another organization's sessions, even filtered by its agent", async () => {
    const { t, b, sessionB } = await twoOrgsWithSessions();
    const caller = t.withIdentity(member);
    const all = await caller.query(api.sessions.list, { orgId: "org_a", paginationOpts: page(50) });
    expect(all.page.map((item) => item._id)).not.toContain(sessionB);
    const byForeignAgent = await caller.query(api.sessions.list, { orgId: "org_a", paginationOpts: page(50), agentId: b.agentId });
    expect(byForeignAgent.page).toEqual([]);
  });

  test("an organization with no conversations gets an empty page", async () => {
    const t = newTest();
    await t.run((ctx) => orgWithAgent(ctx, "org_a"));
    const result = await t.withIdentity(member).query(api.sessions.list, { orgId: "org_a", paginationOpts: page(10) });
    expect(result).toMatchObject({ page: [], isDone: true });
  });
});

describe("get", () => {
  test("returns one session as the list shows it", async () => {
    const { t, sessionsA } = await twoOrgsWithSessions();
    const session = await t.withIdentity(member).query(api.sessions.get, { orgId: "org_a", sessionId: sessionsA[0] });
    expect(session).toMatchObject({ _id: sessionsA[0], contactName: "Customer 0", contactNumber: "5511900000000" });
  });

  test("answers NOT_FOUND for another organization's session", async () => {
    const { t, sessionB } = await twoOrgsWithSessions();
    const attempt = t.withIdentity(member).query(api.sessions.get, { orgId: "org_a", sessionId: sessionB });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

describe("markRead", () => {
  test("marks every customer message so far read for the viewer: their unread count drops to zero", async () => {
    const { t, sessionsA } = await twoOrgsWithSessions();
    await t.run((ctx) => ctx.db.patch("sessions", sessionsA[0], { inboundSeq: 3 }));
    const caller = t.withIdentity(member);
    expect(await caller.query(api.sessions.get, { orgId: "org_a", sessionId: sessionsA[0] })).toMatchObject({ unreadCount: 3, readSeq: 0 });
    await caller.mutation(api.sessions.markRead, { orgId: "org_a", sessionId: sessionsA[0] });
    expect(await caller.query(api.sessions.get, { orgId: "org_a", sessionId: sessionsA[0] })).toMatchObject({ unreadCount: 0, readSeq: 3 });
  });

  test("refuses another organization's session with NOT_FOUND and records no read state", async () => {
    const { t, sessionB } = await twoOrgsWithSessions();
    const attempt = t.withIdentity(member).mutation(api.sessions.markRead, { orgId: "org_a", sessionId: sessionB });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(await t.run((ctx) => ctx.db.query("readStates").collect())).toEqual([]);
  });
});

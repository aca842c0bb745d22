import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { MAX_SNOOZE_MS } from "../../convex/triage";
import { insertSession } from "../fixtures/conversations";
import { adam, auditActions, customerWrites, mia, seedTeam, sessionRow } from "./inbox-setup";

const HOUR = 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-02T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

async function teamWithConversation() {
  const team = await seedTeam();
  const sessionId = await customerWrites(team.t, "5511900000001");
  return { ...team, sessionId, as: team.t.withIdentity(adam) };
}

describe("status changes", () => {
  test("a member resolves, marks pending and reopens a conversation, each audited with the actor", async () => {
    const { t, as, sessionId, adamId } = await teamWithConversation();
    await as.mutation(api.triage.resolve, { orgId: "org_a", sessionId });
    expect((await sessionRow(t, sessionId))?.status).toBe("resolved");
    await as.mutation(api.triage.markPending, { orgId: "org_a", sessionId });
    expect((await sessionRow(t, sessionId))?.status).toBe("pending");
    await as.mutation(api.triage.reopen, { orgId: "org_a", sessionId });
    expect((await sessionRow(t, sessionId))?.status).toBe("open");
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.filter((row) => row.actorUserId === adamId).map((row) => row.action)).toEqual([
      "session.resolved",
      "session.pending",
      "session.reopened",
    ]);
  });

  test("setting the status a conversation already has records nothing", async () => {
    const { t, as, sessionId } = await teamWithConversation();
    await as.mutation(api.triage.resolve, { orgId: "org_a", sessionId });
    await as.mutation(api.triage.resolve, { orgId: "org_a", sessionId });
    await as.mutation(api.triage.reopen, { orgId: "org_a", sessionId });
    await as.mutation(api.triage.reopen, { orgId: "org_a", sessionId });
    expect((await auditActions(t)).filter((action) => action.startsWith("session."))).toEqual(["session.resolved", "session.reopened"]);
  });

  test("every status change refuses another organization's conversation with NOT_FOUND", async () => {
    const { t, as, orgB, agentB } = await teamWithConversation();
    const foreign = await t.run((ctx) => insertSession(ctx, orgB, agentB));
    for (const fn of [api.triage.resolve, api.triage.reopen, api.triage.markPending, api.triage.snooze, api.triage.unassign]) {
      await expect(as.mutation(fn, { orgId: "org_a", sessionId: foreign })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    }
    expect((await sessionRow(t, foreign))?.status).toBe("open");
  });
});

describe("snooze", () => {
  test("a snoozed conversation wakes up open at the chosen time", async () => {
    const { t, as, sessionId } = await teamWithConversation();
    await as.mutation(api.triage.snooze, { orgId: "org_a", sessionId, until: Date.now() + HOUR });
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: "snoozed", snoozedUntil: Date.now() + HOUR });
    await vi.advanceTimersByTimeAsync(HOUR - 1000);
    await t.finishInProgressScheduledFunctions();
    expect((await sessionRow(t, sessionId))?.status).toBe("snoozed");
    await vi.advanceTimersByTimeAsync(2000);
    await t.finishInProgressScheduledFunctions();
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: "open" });
    expect((await sessionRow(t, sessionId))?.snoozedUntil).toBeUndefined();
    expect(await auditActions(t)).toContain("session.reopened");
  });

  test("a later snooze wins over the earlier wake-up", async () => {
    const { t, as, sessionId } = await teamWithConversation();
    await as.mutation(api.triage.snooze, { orgId: "org_a", sessionId, until: Date.now() + HOUR });
    await as.mutation(api.triage.snooze, { orgId: "org_a", sessionId, until: Date.now() + 3 * HOUR });
    await vi.advanceTimersByTimeAsync(HOUR + 1000);
    await t.finishInProgressScheduledFunctions();
    expect((await sessionRow(t, sessionId))?.status).toBe("snoozed");
  });

  test("a customer message wakes a conversation snoozed until their reply", async () => {
    const { t, as, sessionId } = await teamWithConversation();
    await as.mutation(api.triage.snooze, { orgId: "org_a", sessionId });
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: "snoozed" });
    expect((await sessionRow(t, sessionId))?.snoozedUntil).toBeUndefined();
    await customerWrites(t, "5511900000001", "Oi de novo");
    expect((await sessionRow(t, sessionId))?.status).toBe("open");
  });

  test("a customer message wakes a conversation snoozed until a time, and the old alarm then does nothing", async () => {
    const { t, as, sessionId } = await teamWithConversation();
    await as.mutation(api.triage.snooze, { orgId: "org_a", sessionId, until: Date.now() + HOUR });
    await customerWrites(t, "5511900000001", "Oi de novo");
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: "open" });
    expect((await sessionRow(t, sessionId))?.snoozedUntil).toBeUndefined();
    await as.mutation(api.triage.markPending, { orgId: "org_a", sessionId });
    await vi.advanceTimersByTimeAsync(HOUR + 1000);
    await t.finishInProgressScheduledFunctions();
    expect((await sessionRow(t, sessionId))?.status).toBe("pending");
  });

  test("refuses a time in the past or beyond 90 days with INVALID_ARGUMENT", async () => {
    const { t, as, sessionId } = await teamWithConversation();
    for (const until of [Date.now() - 1, Date.now(), Date.now() + MAX_SNOOZE_MS + 1]) {
      await expect(as.mutation(api.triage.snooze, { orgId: "org_a", sessionId, until })).rejects.toMatchObject({
        data: { code: "INVALID_ARGUMENT" },
      });
    }
    expect((await sessionRow(t, sessionId))?.status).toBe("open");
  });
});

describe("a customer message reopens", () => {
  for (const status of ["resolved", "pending", "snoozed"] as const) {
    test(`a ${status} conversation`, async () => {
      const { t, sessionId } = await teamWithConversation();
      await t.run((ctx) => ctx.db.patch("sessions", sessionId, { status }));
      await customerWrites(t, "5511900000001", "Voltei");
      expect((await sessionRow(t, sessionId))?.status).toBe("open");
      expect(await auditActions(t)).toContain("session.reopened");
    });
  }
});

describe("assign and unassign", () => {
  test("a member assigns a conversation to a teammate and then unassigns it, both audited", async () => {
    const { t, as, sessionId, miaId } = await teamWithConversation();
    await as.mutation(api.triage.assign, { orgId: "org_a", sessionId, assigneeId: miaId });
    expect((await sessionRow(t, sessionId))?.assigneeId).toBe(miaId);
    const seen = await t.withIdentity(mia).query(api.sessions.get, { orgId: "org_a", sessionId });
    expect(seen.assignee).toEqual({ userId: miaId, name: "Name user_mia", imageUrl: null });
    await as.mutation(api.triage.unassign, { orgId: "org_a", sessionId });
    expect((await sessionRow(t, sessionId))?.assigneeId).toBeUndefined();
    expect((await auditActions(t)).filter((action) => action.startsWith("session."))).toEqual(["session.assigned", "session.unassigned"]);
  });

  test("refuses an assignee who is not a member of the organization with INVALID_ARGUMENT", async () => {
    const { t, as, sessionId, bobId } = await teamWithConversation();
    await expect(as.mutation(api.triage.assign, { orgId: "org_a", sessionId, assigneeId: bobId })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
    expect((await sessionRow(t, sessionId))?.assigneeId).toBeUndefined();
  });

  test("refuses a removed member with INVALID_ARGUMENT", async () => {
    const { t, as, sessionId, miaId, orgA } = await teamWithConversation();
    await t.run(async (ctx) => {
      const membership = (await ctx.db.query("memberships").collect()).find((row) => row.userId === miaId && row.orgId === orgA)!;
      await ctx.db.patch("memberships", membership._id, { deletedAt: Date.now() });
    });
    await expect(as.mutation(api.triage.assign, { orgId: "org_a", sessionId, assigneeId: miaId })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
  });

  test("refuses another organization's conversation with NOT_FOUND", async () => {
    const { t, as, orgB, agentB, miaId } = await teamWithConversation();
    const foreign = await t.run((ctx) => insertSession(ctx, orgB, agentB));
    await expect(as.mutation(api.triage.assign, { orgId: "org_a", sessionId: foreign, assigneeId: miaId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });
});

describe("replying from the composer", () => {
  test("a reply in a resolved conversation reopens it instead of being refused", async () => {
    const { t, sessionId, orgA } = await teamWithConversation();
    await t.run((ctx) => ctx.db.patch("sessions", sessionId, { status: "resolved" }));
    const { internal } = await import("../../convex/_generated/api");
    await t.mutation(internal.messages.insertHumanReply, { orgId: orgA, sessionId, text: "Oi, tudo bem?" });
    expect((await sessionRow(t, sessionId))?.status).toBe("open");
  });
});

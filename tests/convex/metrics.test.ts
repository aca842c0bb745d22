import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { insertSession } from "../fixtures/conversations";
import { INSTANCE_B, SECRET_B, deliverWhatsApp, insertWebhookAgent, upsert } from "../fixtures/evolution";
import { identity } from "../fixtures/identities";
import { insertOrg, insertUser } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

/** The dashboard's numbers: the org's own local days, zeros for an empty org, only the org's data. */

const member = identity({ userId: "user_member", orgId: "org_a" });
const memberB = identity({ userId: "user_member_b", orgId: "org_b" });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

async function orgs() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const orgA = await insertOrg(ctx, "org_a");
    const orgB = await insertOrg(ctx, "org_b");
    for (const [orgId, user] of [[orgA, "user_member"], [orgB, "user_member_b"]] as const) {
      const userId = await insertUser(ctx, user);
      await ctx.db.insert("memberships", { orgId, userId, role: "member" });
    }
    const agentA = await insertWebhookAgent(ctx, orgA, { name: "Vendas SP" });
    const agentB = await insertWebhookAgent(ctx, orgB, { name: "Bella", instanceName: INSTANCE_B, webhookSecret: SECRET_B });
    return { orgA, orgB, agentA, agentB };
  });
  return { t, ...ids };
}

let count = 0;
async function customerWritesAt(t: TestConvex, isoUtc: string, options: { instance?: string; secret?: string } = {}) {
  vi.setSystemTime(new Date(isoUtc));
  const timestamp = Math.floor(Date.parse(isoUtc) / 1000);
  const response = await deliverWhatsApp(t, upsert({ id: `M-${++count}`, timestamp, text: "Oi", instance: options.instance }), { secret: options.secret });
  expect(response.status).toBe(200);
}

const overview = (t: TestConvex, window: "today" | "week" | "last30") =>
  t.withIdentity(member).query(api.metrics.overview, { orgId: "org_a", window });

describe("overview", () => {
  test("an organization with no activity gets zeros, not an error", async () => {
    const { t } = await orgs();
    vi.setSystemTime(new Date("2026-12-01T15:00:00Z"));
    const result = await overview(t, "today");
    expect(result).toMatchObject({ timeZone: "America/Sao_Paulo", firstDay: "2026-12-01", lastDay: "2026-12-01", recalculating: null, agents: [] });
    expect(result.totals).toMatchObject({ messagesIn: 0, newSessions: 0, conversionToNeedPayoff: 0, botShare: null });
    expect(result.totals.firstResponse).toEqual({ count: 0, meanMs: null, medianBucket: null });
  });

  test("a message at 23:30 in São Paulo (02:30 UTC the next day) counts for that local day", async () => {
    const { t } = await orgs();
    await customerWritesAt(t, "2026-12-02T02:30:00Z");
    vi.setSystemTime(new Date("2026-12-02T02:45:00Z"));
    expect((await overview(t, "today")).totals).toMatchObject({ messagesIn: 1, newSessions: 1 });
    expect((await overview(t, "today")).firstDay).toBe("2026-12-01");
    vi.setSystemTime(new Date("2026-12-02T03:00:00Z"));
    expect((await overview(t, "today")).totals.messagesIn).toBe(0);
    expect((await overview(t, "week")).totals.messagesIn).toBe(1);
  });

  test("breaks the numbers down per agent and counts only the organization's own", async () => {
    const { t, agentA } = await orgs();
    await customerWritesAt(t, "2026-12-01T12:00:00Z");
    await customerWritesAt(t, "2026-12-01T12:05:00Z");
    await customerWritesAt(t, "2026-12-01T12:10:00Z", { instance: INSTANCE_B, secret: SECRET_B });
    const result = await overview(t, "last30");
    expect(result.totals.messagesIn).toBe(2);
    expect(result.agents).toEqual([expect.objectContaining({ agentId: agentA, name: "Vendas SP", deleted: false })]);
    expect(result.agents[0].summary.messagesIn).toBe(2);
    const other = await t.withIdentity(memberB).query(api.metrics.overview, { orgId: "org_b", window: "last30" });
    expect(other.totals.messagesIn).toBe(1);
  });
});

describe("agent names", () => {
  test("an agent created after 200 others is still named on the dashboard", async () => {
    const { t, orgA } = await orgs();
    const late = await t.run(async (ctx) => {
      for (let i = 0; i < 200; i++) await insertWebhookAgent(ctx, orgA, { instanceName: `sd-old${i}`, name: `Old ${i}`, deletedAt: 1 });
      return insertWebhookAgent(ctx, orgA, { name: "Vendas Campinas", instanceName: "sd-latelatelate", webhookSecret: SECRET_B });
    });
    await customerWritesAt(t, "2026-12-01T15:00:00Z", { instance: "sd-latelatelate", secret: SECRET_B });
    const { agents } = await overview(t, "today");
    expect(agents).toEqual([expect.objectContaining({ agentId: late, name: "Vendas Campinas", deleted: false })]);
  });
});

describe("trend", () => {
  test("lists the last 30 local days oldest first, quiet days as zeros", async () => {
    const { t } = await orgs();
    await customerWritesAt(t, "2026-11-20T15:00:00Z");
    vi.setSystemTime(new Date("2026-12-01T15:00:00Z"));
    const { days } = await t.withIdentity(member).query(api.metrics.trend, { orgId: "org_a" });
    expect(days).toHaveLength(30);
    expect(days[0].day).toBe("2026-11-02");
    expect(days.at(-1)!.day).toBe("2026-12-01");
    expect(days.find((day) => day.day === "2026-11-20")).toMatchObject({ messagesIn: 1, newSessions: 1 });
    expect(days.filter((day) => day.messagesIn > 0)).toHaveLength(1);
  });
});

describe("live", () => {
  test("counts active conversations by stage and lists the stuck ones and those needing a person", async () => {
    const { t, orgA, agentA, orgB, agentB } = await orgs();
    const now = Date.parse("2026-12-01T15:00:00Z");
    vi.setSystemTime(now);
    await t.run(async (ctx) => {
      await insertSession(ctx, orgA, agentA, { stage: "problem", lastMessageAt: now - 60_000 });
      await insertSession(ctx, orgA, agentA, { stage: "problem", lastMessageAt: now - 120_000, needsAttention: true });
      await insertSession(ctx, orgA, agentA, { stage: "situation", lastMessageAt: now - 30 * 60 * 60 * 1000 });
      await insertSession(ctx, orgB, agentB, { stage: "need_payoff", lastMessageAt: now - 60_000, needsAttention: true });
    });
    const result = await t.withIdentity(member).query(api.metrics.live, { orgId: "org_a" });
    expect(result.activeByStage).toEqual({ situation: 0, problem: 2, implication: 0, need_payoff: 0 });
    expect(result.stuck.map((session) => session.stage)).toEqual(["situation"]);
    expect(result.needsAttention).toHaveLength(1);
    expect(result.needsAttention[0]).toMatchObject({ needsAttention: true, agentName: "Vendas SP" });
  });
});

describe("rebuildStatus", () => {
  test("is null until a time zone change starts recalculating, then shows the new zone and progress", async () => {
    const { t, orgA } = await orgs();
    const caller = t.withIdentity(member);
    expect(await caller.query(api.metrics.rebuildStatus, { orgId: "org_a" })).toBeNull();
    await t.run((ctx) =>
      ctx.db.patch("organizations", orgA, {
        rollupRebuild: { generation: 1, timeZone: "Asia/Kolkata", phase: "messages", cursor: 5, processed: 412, startedAt: 1 },
      }),
    );
    expect(await caller.query(api.metrics.rebuildStatus, { orgId: "org_a" })).toEqual({ timeZone: "Asia/Kolkata", phase: "messages", processed: 412 });
    expect((await caller.query(api.metrics.overview, { orgId: "org_a", window: "today" })).recalculating).toMatchObject({ processed: 412 });
  });
});

describe("the day a dashboard is on", () => {
  test("moves 'today' to the local day the dashboard passes, so an open dashboard turns over at midnight", async () => {
    const { t } = await orgs();
    vi.setSystemTime(new Date("2026-12-02T02:59:00Z"));
    const caller = t.withIdentity(member);
    expect((await caller.query(api.metrics.overview, { orgId: "org_a", window: "today" })).firstDay).toBe("2026-12-01");
    const next = await caller.query(api.metrics.overview, { orgId: "org_a", window: "today", day: "2026-12-02" });
    expect(next).toMatchObject({ firstDay: "2026-12-02", lastDay: "2026-12-02" });
    expect((await caller.query(api.metrics.trend, { orgId: "org_a", day: "2026-12-02" })).days.at(-1)!.day).toBe("2026-12-02");
  });

  test("ignores a day more than one day away from the server's clock, or malformed", async () => {
    const { t } = await orgs();
    vi.setSystemTime(new Date("2026-12-01T15:00:00Z"));
    const caller = t.withIdentity(member);
    for (const day of ["2020-01-01", "2026-12-05", "yesterday"]) {
      expect((await caller.query(api.metrics.overview, { orgId: "org_a", window: "today", day })).firstDay).toBe("2026-12-01");
    }
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { REBUILD_BATCH_SIZE } from "../../convex/rollups";
import { isZero, type Counters } from "../../lib/metrics/counters";
import { recomputeRollups } from "../fixtures/recompute-rollups";
import { stubEvolution } from "../fixtures/conversations";
import { INSTANCE_B, SECRET_B, deliverWhatsApp, insertWebhookAgent, upsert } from "../fixtures/evolution";
import { identityWithRole } from "../fixtures/identities";
import { insertOrg, insertUser } from "../fixtures/rows";
import { seeded, type Random } from "../fixtures/random";
import { newTest, type TestConvex } from "./setup";

/**
 * DESIGN "Metrics": the rollups kept on every write always equal a full recomputation from the raw
 * rows, whatever the sequence of writes, and a time zone change rebuilds them to the recomputation
 * in the new zone, even with writes landing between its batches. Sequences are random but seeded.
 */

const admin = identityWithRole("admin", "org_a", "user_admin");
const CUSTOMERS = ["5511988880001", "5511988880002", "5521977770003", "5531966660004"];
const TEXTS = [
  "Oi, quero saber o preço",
  "Somos uma loja com 8 vendedores e usamos planilha",
  "O problema é que perdemos muitos pedidos",
  "Isso faz com que a gente perca clientes",
  "Seria ótimo ter uma solução para isso",
  "ok",
];


type World = { t: TestConvex; orgId: Id<"organizations">; agents: { instance?: string; secret?: string }[] };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-30T12:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

async function world(): Promise<World> {
  const t = newTest();
  const orgId = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, "org_a");
    const userId = await insertUser(ctx, "user_admin");
    await ctx.db.insert("memberships", { orgId, userId, role: "admin" });
    await insertWebhookAgent(ctx, orgId, { aiEnabled: true });
    await insertWebhookAgent(ctx, orgId, { aiEnabled: true, instanceName: INSTANCE_B, webhookSecret: SECRET_B });
    return orgId;
  });
  return { t, orgId, agents: [{}, { instance: INSTANCE_B, secret: SECRET_B }] };
}

let delivered = 0;

/** One random write of the kinds the product makes, or time passing. */
async function randomStep(w: World, rnd: Random, sent: { id: string; text: string; agent: number }[], settles = true) {
  const agent = rnd.pick([0, 1]);
  const { instance, secret } = w.agents[agent];
  const roll = rnd.next();
  const now = Math.floor(Date.now() / 1000);
  const remoteJid = `${rnd.pick(CUSTOMERS)}@s.whatsapp.net`;
  if (roll < 0.45) {
    const id = `R-${++delivered}`;
    await deliverWhatsApp(w.t, upsert({ id, text: rnd.pick(TEXTS), timestamp: now, remoteJid, instance }), { secret });
  } else if (roll < 0.55) {
    const id = `P-${++delivered}`;
    const text = "Aqui é a equipe, pode deixar";
    await deliverWhatsApp(w.t, upsert({ id, fromMe: true, text, timestamp: now, remoteJid, instance }), { secret });
    sent.push({ id, text, agent });
  } else if (roll < 0.62 && sent.length > 0) {
    const echo = rnd.pick(sent);
    const target = w.agents[echo.agent];
    await deliverWhatsApp(w.t, upsert({ id: echo.id, fromMe: true, text: echo.text, timestamp: now, status: "READ", instance: target.instance }), { secret: target.secret });
  } else if (roll < 0.72) {
    const sessions = await w.t.run((ctx) => ctx.db.query("sessions").collect());
    if (sessions.length === 0) return;
    const session = rnd.pick(sessions);
    const action = rnd.pick([api.sessions.pauseBot, api.sessions.resumeBot, api.triage.resolve, api.triage.reopen]);
    await w.t.withIdentity(admin).mutation(action, { orgId: "org_a", sessionId: session._id });
  } else if (roll < 0.8) {
    const sessions = (await w.t.run((ctx) => ctx.db.query("sessions").collect())).filter((s) => s.status === "open");
    if (sessions.length === 0) return;
    await w.t.withIdentity(admin).action(api.messages.sendHuman, { orgId: "org_a", sessionId: rnd.pick(sessions)._id, text: "Olá! Posso ajudar?" });
  } else if (roll < 0.9) {
    if (settles) await w.t.finishAllScheduledFunctions(vi.runAllTimers);
  } else {
    // Minutes to most of a day pass, so local days (and their midnights) go by.
    vi.advanceTimersByTime(Math.floor(rnd.next() * 20 * 60 * 60 * 1000));
  }
}

type Table = Record<string, Counters>;

function withoutZeros(map: Map<string, Counters>): Table {
  return Object.fromEntries([...map].filter(([, counters]) => !isZero(counters)).sort(([a], [b]) => a.localeCompare(b)));
}

async function storedRollups(t: TestConvex): Promise<{ table: Table; org: Doc<"organizations"> }> {
  return t.run(async (ctx) => {
    const org = (await ctx.db.query("organizations").first())!;
    const generation = org.rollupGeneration ?? 0;
    const rows = (await ctx.db.query("dailyStats").collect()).filter((row) => row.generation === generation);
    return { org, table: withoutZeros(new Map(rows.map((row) => [`${row.agentId}|${row.day}`, row.counters]))) };
  });
}

async function recomputed(t: TestConvex, timeZone: string): Promise<Table> {
  return t.run(async (ctx) => {
    const rows = {
      sessions: await ctx.db.query("sessions").collect(),
      messages: await ctx.db.query("messages").collect(),
      stageEvents: await ctx.db.query("stageEvents").collect(),
    };
    return withoutZeros(recomputeRollups(timeZone, rows));
  });
}

describe("rollups kept on every write", () => {
  test.each([1, 2, 3, 4, 5])("equal a full recomputation after a random sequence of writes (seed %i)", async (seed) => {
    stubEvolution();
    const w = await world();
    const rnd = seeded(seed);
    const sent: { id: string; text: string; agent: number }[] = [];
    for (let step = 0; step < 60; step++) await randomStep(w, rnd, sent);
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    const { table, org } = await storedRollups(w.t);
    expect(Object.keys(table).length).toBeGreaterThan(0);
    expect(table).toEqual(await recomputed(w.t, org.timezone));
  });

  test("count a conversation's stages as a funnel: each stage once, never more later than earlier", async () => {
    stubEvolution();
    const w = await world();
    for (const text of TEXTS.slice(1, 5)) {
      await deliverWhatsApp(w.t, upsert({ id: `F-${++delivered}`, text, timestamp: Math.floor(Date.now() / 1000) }));
      await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    }
    const { table } = await storedRollups(w.t);
    const [counters] = Object.values(table);
    expect(counters.reached).toEqual({ situation: 1, problem: 1, implication: 1, need_payoff: 1 });
    expect(counters.messagesIn).toBe(4);
    expect(counters.messagesOutBot).toBe(4);
    expect(counters.firstResponseCount).toBe(1);
  });
});

describe("a time zone change", () => {
  test("rebuilds the rollups to the recomputation in the new zone, with writes landing between batches", async () => {
    stubEvolution();
    const w = await world();
    const rnd = seeded(42);
    const sent: { id: string; text: string; agent: number }[] = [];
    // More rows than one batch, so the rebuild resumes from a cursor inside a table.
    while ((await w.t.run((ctx) => ctx.db.query("messages").collect())).length <= REBUILD_BATCH_SIZE) {
      await randomStep(w, rnd, sent);
    }
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    await w.t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "Asia/Kathmandu" });
    let rebuilding = true;
    let rounds = 0;
    for (; rebuilding && rounds < 200; rounds++) {
      // Every kind of write lands between batches: new customer messages, bot replies, takeovers.
      const now = Math.floor(Date.now() / 1000);
      await deliverWhatsApp(w.t, upsert({ id: `D-${++delivered}`, text: rnd.pick(TEXTS), timestamp: now, remoteJid: `${rnd.pick(CUSTOMERS)}@s.whatsapp.net` }));
      // No settling here: the rebuild must advance one batch per round.
      for (let step = 0; step < 3; step++) await randomStep(w, rnd, sent, false);
      vi.advanceTimersToNextTimer();
      await w.t.finishInProgressScheduledFunctions();
      rebuilding = (await storedRollups(w.t)).org.rollupRebuild !== undefined;
    }
    // Writes landed in at least two phases (sessions, messages, stage events), not just before or after.
    expect(rounds).toBeGreaterThanOrEqual(3);
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    const { table, org } = await storedRollups(w.t);
    expect(org).toMatchObject({ rollupGeneration: 1, rollupTimeZone: "Asia/Kathmandu" });
    expect(table).toEqual(await recomputed(w.t, "Asia/Kathmandu"));
    const generations = await w.t.run(async (ctx) => (await ctx.db.query("dailyStats").collect()).map((row) => row.generation));
    expect(new Set(generations)).toEqual(new Set([1]));
  }, 120_000);
});

describe("a second time zone change while the first is still recalculating", () => {
  test("supersedes it: the rollups end in the last zone, in one generation", async () => {
    stubEvolution();
    const w = await world();
    const rnd = seeded(7);
    const sent: { id: string; text: string; agent: number }[] = [];
    for (let step = 0; step < 40; step++) await randomStep(w, rnd, sent);
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    const caller = w.t.withIdentity(admin);
    await caller.mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "Asia/Kolkata" });
    // One batch of the first rebuild runs, then the zone changes again.
    vi.advanceTimersToNextTimer();
    await w.t.finishInProgressScheduledFunctions();
    await caller.mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "America/New_York" });
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    const { table, org } = await storedRollups(w.t);
    expect(org).toMatchObject({ rollupGeneration: 2, rollupTimeZone: "America/New_York" });
    expect(org.rollupRebuild).toBeUndefined();
    expect(table).toEqual(await recomputed(w.t, "America/New_York"));
    const generations = await w.t.run(async (ctx) => (await ctx.db.query("dailyStats").collect()).map((row) => row.generation));
    expect(new Set(generations)).toEqual(new Set([2]));
  });

  test("a refused time zone starts no recalculation (INVALID_ARGUMENT)", async () => {
    const w = await world();
    await expect(
      w.t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "Mars/Olympus" }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    const { org } = await storedRollups(w.t);
    expect(org.rollupRebuild).toBeUndefined();
    expect(org.rollupGeneration).toBeUndefined();
  });
});

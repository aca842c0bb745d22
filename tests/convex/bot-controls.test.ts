import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { insertAgent, insertMessage, insertSession, orgWithAgent } from "../fixtures/conversations";
import { identity, identityWithRole } from "../fixtures/identities";
import { insertUser } from "../fixtures/rows";
import { newTest } from "./setup";

/** The people's side of the bot: pausing and resuming a conversation, agent settings, the SPIN timeline. */

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const admin = identityWithRole("admin", "org_a", "user_admin");

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

async function twoOrgs() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const adminId = await insertUser(ctx, "user_admin");
    await ctx.db.insert("memberships", { orgId: a.orgId, userId: adminId, role: "admin" });
    const b = await orgWithAgent(ctx, "org_b");
    const sessionA = await insertSession(ctx, a.orgId, a.agentId);
    const sessionB = await insertSession(ctx, b.orgId, b.agentId);
    return { a, b, sessionA, sessionB };
  });
  return { t, ...ids };
}

const auditActions = (t: ReturnType<typeof newTest>) =>
  t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => entry.action));
const scheduledReplies = (t: ReturnType<typeof newTest>) =>
  t.run(async (ctx) => (await ctx.db.system.query("_scheduled_functions").collect()).filter((job) => job.name === "bot:reply"));

describe("pauseBot and resumeBot", () => {
  test("a member pauses the bot of a conversation, recorded once however often it is asked", async () => {
    const { t, sessionA } = await twoOrgs();
    const caller = t.withIdentity(member);
    await caller.mutation(api.sessions.pauseBot, { orgId: "org_a", sessionId: sessionA });
    await caller.mutation(api.sessions.pauseBot, { orgId: "org_a", sessionId: sessionA });
    expect(await caller.query(api.sessions.get, { orgId: "org_a", sessionId: sessionA })).toMatchObject({ botPaused: true });
    expect(await auditActions(t)).toEqual(["session.bot_paused"]);
  });

  test("resuming clears a failure flag and asks the bot to answer what is waiting", async () => {
    const { t, sessionA } = await twoOrgs();
    await t.run((ctx) => ctx.db.patch("sessions", sessionA, { botPaused: true, needsAttention: true, inboundSeq: 2, answeredSeq: 1 }));
    await t.withIdentity(member).mutation(api.sessions.resumeBot, { orgId: "org_a", sessionId: sessionA });
    const session = await t.run((ctx) => ctx.db.get("sessions", sessionA));
    expect(session).toMatchObject({ botPaused: false, needsAttention: false });
    expect(await scheduledReplies(t)).toHaveLength(1);
    expect(await auditActions(t)).toEqual(["session.bot_resumed"]);
  });

  test("resuming with nothing waiting schedules no reply", async () => {
    const { t, sessionA } = await twoOrgs();
    await t.run((ctx) => ctx.db.patch("sessions", sessionA, { botPaused: true, inboundSeq: 1, answeredSeq: 1 }));
    await t.withIdentity(member).mutation(api.sessions.resumeBot, { orgId: "org_a", sessionId: sessionA });
    expect(await scheduledReplies(t)).toHaveLength(0);
  });

  test("refuses another organization's conversation with NOT_FOUND and changes nothing", async () => {
    const { t, sessionB } = await twoOrgs();
    const caller = t.withIdentity(member);
    await expect(caller.mutation(api.sessions.pauseBot, { orgId: "org_a", sessionId: sessionB })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(caller.mutation(api.sessions.resumeBot, { orgId: "org_a", sessionId: sessionB })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    expect((await t.run((ctx) => ctx.db.get("sessions", sessionB)))!.botPaused).toBe(false);
    expect(await auditActions(t)).toEqual([]);
  });
});

describe("updateBot", () => {
  const settings = { aiEnabled: false, persona: "Ana, consultora da Acme", product: "Painéis solares", language: "en" as const };

  test("an admin changes the bot's settings; members see them, recorded in the audit log", async () => {
    const { t, a } = await twoOrgs();
    await t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId: a.agentId, ...settings });
    const agent = await t.withIdentity(member).query(api.agents.get, { orgId: "org_a", agentId: a.agentId });
    expect(agent).toMatchObject(settings);
    expect(await auditActions(t)).toEqual(["agent.bot_updated"]);
  });

  test("an empty persona falls back to the default; an empty product stays empty, never a placeholder", async () => {
    const { t, a } = await twoOrgs();
    await t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId: a.agentId, ...settings, persona: "  ", product: "" });
    const agent = await t.withIdentity(admin).query(api.agents.get, { orgId: "org_a", agentId: a.agentId });
    expect(agent.persona.length).toBeGreaterThan(0);
    expect(agent.product).toBe("");
  });

  test("refuses a member with FORBIDDEN and changes nothing", async () => {
    const { t, a } = await twoOrgs();
    await expect(
      t.withIdentity(member).mutation(api.agents.updateBot, { orgId: "org_a", agentId: a.agentId, ...settings }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect((await t.run((ctx) => ctx.db.get("agents", a.agentId)))!.aiEnabled).toBe(false);
    expect(await auditActions(t)).toEqual([]);
  });

  test("refuses a persona over 4,000 characters with INVALID_ARGUMENT", async () => {
    const { t, a } = await twoOrgs();
    await expect(
      t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId: a.agentId, ...settings, persona: "x".repeat(4001) }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
  });

  test("refuses another organization's agent with NOT_FOUND", async () => {
    const { t, b } = await twoOrgs();
    await expect(
      t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId: b.agentId, ...settings }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await t.run((ctx) => ctx.db.get("agents", b.agentId)))!.persona).toBe("Friendly");
  });

  test("refuses a deleted agent with NOT_FOUND", async () => {
    const { t, a } = await twoOrgs();
    const deleted = await t.run((ctx) => insertAgent(ctx, a.orgId, { deletedAt: 1 }));
    await expect(
      t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId: deleted, ...settings }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

describe("stageTimeline", () => {
  test("lists stage changes oldest first with the words that moved them", async () => {
    const { t, a, sessionA } = await twoOrgs();
    await t.run(async (ctx) => {
      const problem = await insertMessage(ctx, sessionA, { text: "Perdemos muitos clientes" });
      await ctx.db.insert("stageEvents", { orgId: a.orgId, sessionId: sessionA, from: "problem", to: "implication", at: 2000, confidence: 0.7 });
      await ctx.db.insert("stageEvents", {
        orgId: a.orgId,
        sessionId: sessionA,
        from: "situation",
        to: "problem",
        at: 1000,
        confidence: 0.66,
        messageId: problem,
        cues: ["perdemos"],
      });
    });
    const timeline = await t.withIdentity(member).query(api.sessions.stageTimeline, { orgId: "org_a", sessionId: sessionA });
    expect(timeline.map((event) => [event.from, event.to])).toEqual([
      ["situation", "problem"],
      ["problem", "implication"],
    ]);
    expect(timeline[0]).toMatchObject({ messageText: "Perdemos muitos clientes", cues: ["perdemos"], confidence: 0.66 });
    expect(timeline[1]).toMatchObject({ messageText: null, cues: [] });
  });

  test("is empty for a conversation that has not moved", async () => {
    const { t, sessionA } = await twoOrgs();
    expect(await t.withIdentity(member).query(api.sessions.stageTimeline, { orgId: "org_a", sessionId: sessionA })).toEqual([]);
  });

  test("refuses another organization's conversation with NOT_FOUND", async () => {
    const { t, sessionB } = await twoOrgs();
    await expect(
      t.withIdentity(member).query(api.sessions.stageTimeline, { orgId: "org_a", sessionId: sessionB }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

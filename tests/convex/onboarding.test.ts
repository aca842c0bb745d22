import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { insertAgent, insertMessage, insertSession } from "../fixtures/conversations";
import { identityWithRole } from "../fixtures/identities";
import { insertOrg, insertUser } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

const ORG = "org_a";
const owner = identityWithRole("owner", ORG, "user_owner");
const member = identityWithRole("member", ORG, "user_member");

/** A brand-new organization: its owner, one member-role teammate only where a test adds one. */
async function newOrg() {
  const t = newTest();
  const orgId = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, ORG);
    await ctx.db.insert("memberships", { orgId, userId: await insertUser(ctx, "user_owner"), role: "owner" });
    return orgId;
  });
  return { t, orgId, asOwner: t.withIdentity(owner) };
}

async function addMember(t: TestConvex, orgId: Id<"organizations">) {
  await t.run(async (ctx) => {
    await ctx.db.insert("memberships", { orgId, userId: await insertUser(ctx, "user_member"), role: "member" });
  });
}

const states = (status: { steps: { step: string; state: string }[] }) => Object.fromEntries(status.steps.map((s) => [s.step, s.state]));
/** The audit log as who did what to which target, oldest first. */
const auditTrail = (t: TestConvex) =>
  t.run(async (ctx) => {
    const entries = await ctx.db.query("auditLog").collect();
    return Promise.all(
      entries.map(async (entry) => ({
        actor: entry.actorUserId === undefined ? null : ((await ctx.db.get("users", entry.actorUserId))?.externalId ?? null),
        action: entry.action,
        target: entry.target,
      })),
    );
  });
const storedOnboarding = (t: TestConvex, orgId: Id<"organizations">) => t.run(async (ctx) => (await ctx.db.get("organizations", orgId))?.onboarding ?? null);

describe("status", () => {
  test("a new organization has every step to do, no agent and no test conversation", async () => {
    const { asOwner } = await newOrg();
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(states(status)).toEqual({ connect: "todo", bot: "todo", test: "todo", team: "todo" });
    expect(status).toMatchObject({ finished: false, hidden: false, agent: null, test: null });
  });

  test("an agent still waiting for its QR leaves the connect step to do", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await t.run((ctx) => insertAgent(ctx, orgId, { status: "connecting" }));
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(states(status).connect).toBe("todo");
    expect(status.agent?.status).toBe("connecting");
  });

  test("an organization that already has a connected agent starts with the connect step done", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await t.run(async (ctx) => {
      await insertAgent(ctx, orgId, { status: "open", name: "Vendas" });
      await insertAgent(ctx, orgId, { status: "close", name: "Newer but offline" });
    });
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(states(status).connect).toBe("done");
    expect(status.agent?.name).toBe("Vendas");
  });

  test("a deleted agent is not the one onboarding is about", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await t.run((ctx) => insertAgent(ctx, orgId, { status: "open", deletedAt: 1 }));
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(status.agent).toBeNull();
    expect(states(status).connect).toBe("todo");
  });

  test("the bot step is done once the bot names the product and answers the price", async () => {
    const { t, orgId, asOwner } = await newOrg();
    const knowledge = { productDescription: "", priceAnswer: "", businessHours: "", faq: [] };
    const agentId = await t.run((ctx) => insertAgent(ctx, orgId, { product: "Curso de inglês", knowledge }));
    expect(states(await asOwner.query(api.onboarding.status, { orgId: ORG })).bot).toBe("todo");
    await t.run((ctx) => ctx.db.patch("agents", agentId, { knowledge: { ...knowledge, priceAnswer: "R$ 297 à vista ou 12x de R$ 29" } }));
    expect(states(await asOwner.query(api.onboarding.status, { orgId: ORG })).bot).toBe("done");
  });

  test("the test step turns done with the customer's words and the bot's reply", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await t.run(async (ctx) => {
      const agentId = await insertAgent(ctx, orgId);
      const sessionId = await insertSession(ctx, orgId, agentId);
      await insertMessage(ctx, sessionId, { text: "Oi! Quanto custa?", sentAt: 1 });
      await insertMessage(ctx, sessionId, { text: "Olá! Custa R$ 297.", author: "bot", direction: "out", sentAt: 2 });
    });
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(states(status).test).toBe("done");
    expect(status.test).toEqual({ customerText: "Oi! Quanto custa?", botReply: "Olá! Custa R$ 297." });
  });

  test("a new customer message the bot has not answered yet shows no reply", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await t.run(async (ctx) => {
      const sessionId = await insertSession(ctx, orgId, await insertAgent(ctx, orgId));
      await insertMessage(ctx, sessionId, { text: "Oi", sentAt: 1 });
      await insertMessage(ctx, sessionId, { text: "Olá! Como posso ajudar?", author: "bot", direction: "out", sentAt: 2 });
      await insertMessage(ctx, sessionId, { text: "Quanto custa?", sentAt: 3 });
    });
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(status.test).toEqual({ customerText: "Quanto custa?", botReply: null });
  });

  test("the team step is done once someone besides the owner belongs to the organization", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await addMember(t, orgId);
    expect(states(await asOwner.query(api.onboarding.status, { orgId: ORG })).team).toBe("done");
  });

  test("members can follow the checklist too", async () => {
    const { t, orgId } = await newOrg();
    await addMember(t, orgId);
    const status = await t.withIdentity(member).query(api.onboarding.status, { orgId: ORG });
    expect(status.finished).toBe(false);
  });
});

describe("skipStep", () => {
  test("keeps the skip for the organization", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "team" });
    expect(states(await asOwner.query(api.onboarding.status, { orgId: ORG })).team).toBe("skipped");
    expect(await storedOnboarding(t, orgId)).toEqual({ done: [], skipped: ["team"] });
  });

  test("a skipped step that then happens for real shows as done", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "connect" });
    await t.run((ctx) => insertAgent(ctx, orgId, { status: "open" }));
    expect(states(await asOwner.query(api.onboarding.status, { orgId: ORG })).connect).toBe("done");
  });

  test("records in the audit log who skipped which step", async () => {
    const { t, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "team" });
    expect(await auditTrail(t)).toEqual([{ actor: "user_owner", action: "onboarding.team_skipped", target: `organization:${ORG}` }]);
  });

  test("skipping a step already skipped writes no second audit entry", async () => {
    const { t, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "bot" });
    await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "bot" });
    expect((await auditTrail(t)).map((entry) => entry.action)).toEqual(["onboarding.bot_skipped"]);
  });

  test("skipping every step finishes the checklist", async () => {
    const { asOwner } = await newOrg();
    for (const step of ["connect", "bot", "test", "team"] as const) await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step });
    expect(await asOwner.query(api.onboarding.status, { orgId: ORG })).toMatchObject({ finished: true, hidden: false });
  });

  test("refuses a member and stores nothing", async () => {
    const { t, orgId } = await newOrg();
    await addMember(t, orgId);
    const attempt = t.withIdentity(member).mutation(api.onboarding.skipStep, { orgId: ORG, step: "bot" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await storedOnboarding(t, orgId)).toBeNull();
    expect(await auditTrail(t)).toEqual([]);
  });

  test("refuses a step that is not on the checklist and stores nothing", async () => {
    const { t, orgId, asOwner } = await newOrg();
    // @ts-expect-error: the validator is the point of the test
    const attempt = asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "billing" });
    await expect(attempt).rejects.toThrow(/Validator error/);
    expect(await storedOnboarding(t, orgId)).toBeNull();
    expect(await auditTrail(t)).toEqual([]);
  });
});

describe("finish", () => {
  test("hides the checklist and keeps the steps as they were", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.skipStep, { orgId: ORG, step: "team" });
    await asOwner.mutation(api.onboarding.finish, { orgId: ORG });
    const status = await asOwner.query(api.onboarding.status, { orgId: ORG });
    expect(status).toMatchObject({ finished: true, hidden: true });
    expect(states(status)).toEqual({ connect: "todo", bot: "todo", test: "todo", team: "skipped" });
    expect(await storedOnboarding(t, orgId)).toMatchObject({ done: [], skipped: ["team"], finishedAt: expect.any(Number) });
  });

  test("records in the audit log who hid the checklist", async () => {
    const { t, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.finish, { orgId: ORG });
    expect(await auditTrail(t)).toEqual([{ actor: "user_owner", action: "onboarding.finished", target: `organization:${ORG}` }]);
  });

  test("finishing twice keeps the first time", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await asOwner.mutation(api.onboarding.finish, { orgId: ORG });
    const first = (await storedOnboarding(t, orgId))?.finishedAt;
    await asOwner.mutation(api.onboarding.finish, { orgId: ORG });
    expect((await storedOnboarding(t, orgId))?.finishedAt).toBe(first);
    expect((await auditTrail(t)).map((entry) => entry.action)).toEqual(["onboarding.finished"]);
  });

  test("refuses a member and stores nothing", async () => {
    const { t, orgId } = await newOrg();
    await addMember(t, orgId);
    await expect(t.withIdentity(member).mutation(api.onboarding.finish, { orgId: ORG })).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await storedOnboarding(t, orgId)).toBeNull();
    expect(await auditTrail(t)).toEqual([]);
  });
});

describe("an invitation sent from the team page", () => {
  test("marks the team step done", async () => {
    const { t, orgId, asOwner } = await newOrg();
    await asOwner.mutation(api.organizations.recordTeamChange, { orgId: ORG, action: "team.invited", target: "invitation:bia@example.com" });
    expect(states(await asOwner.query(api.onboarding.status, { orgId: ORG })).team).toBe("done");
    expect(await storedOnboarding(t, orgId)).toEqual({ done: ["team"], skipped: [] });
  });
});

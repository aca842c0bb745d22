import { describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { KNOWLEDGE_LIMITS } from "../../lib/spin";
import { botReplies, botSetup, withBotTestClock, customerSays, sessions, settle } from "../fixtures/bot";
import { stubEvolution } from "../fixtures/conversations";
import { INSTANCE_B, SECRET_B, insertWebhookAgent } from "../fixtures/evolution";
import { identity, identityWithRole } from "../fixtures/identities";

/**
 * Issue "The SPIN bot holds a real conversation": what the conversation engine's decisions do to
 * the stored conversation — a handoff queues the customer for a person, an opt-out silences every
 * agent of the org, a person's exchange is not answered by the bot after a resume, and the agent's
 * knowledge is what the bot says.
 */

const member = identity({ userId: "user_member", orgId: "org_a" });
const admin = identityWithRole("admin", "org_a", "user_admin");

withBotTestClock();

const sentTexts = (calls: { body: unknown }[]) => calls.map((call) => (call.body as { text: string }).text);

describe("handoff", () => {
  test("a customer asking for a person gets one short message, then the bot is silent and the conversation waits for a person", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "quero falar com um atendente");
    await settle(t);
    await customerSays(t, "alô? tem alguém aí?");
    await settle(t);
    expect(calls).toHaveLength(1);
    const [session] = await sessions(t);
    expect(session.waitingSince).toEqual(expect.any(Number));
    expect(session.botPaused).toBe(true);
    const [item] = (await t.withIdentity(member).query(api.sessions.list, { orgId: "org_a", paginationOpts: { numItems: 5, cursor: null } })).page;
    expect(item.waitingSince).toBe(session.waitingSince);
  });

  test("a person replying takes the customer out of the waiting queue", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSays(t, "quero falar com uma pessoa");
    await settle(t);
    const [waiting] = await sessions(t);
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: waiting._id, text: "Oi, aqui é a Mia!" });
    const [session] = await sessions(t);
    expect(session.waitingSince).toBeUndefined();
  });

  test("the dashboard lists a customer waiting for a person among those who need one", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSays(t, "quero falar com um atendente");
    await settle(t);
    const live = await t.withIdentity(member).query(api.metrics.live, { orgId: "org_a" });
    expect(live.needsAttention).toHaveLength(1);
  });

  test("a customer writing while the bot is off waits for a person too", async () => {
    const { t } = await botSetup({ aiEnabled: false });
    const { calls } = stubEvolution();
    await customerSays(t, "Oi, vocês entregam em Campinas?");
    await settle(t);
    expect(calls).toHaveLength(0);
    expect((await sessions(t))[0].waitingSince).toEqual(expect.any(Number));
  });
});

describe("opt-out", () => {
  test("an opt-out gets one confirmation without a question, and the bot never writes to that contact again", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "não tenho interesse, pare de me mandar mensagem");
    await settle(t);
    await customerSays(t, "??");
    await settle(t);
    expect(calls).toHaveLength(1);
    expect(sentTexts(calls)[0]).not.toContain("?");
    const contact = await t.run(async (ctx) => (await ctx.db.query("contacts").collect())[0]);
    expect(contact.optedOutAt).toEqual(expect.any(Number));
  });

  test("the opt-out holds for every agent of the org, in a new session with another number", async () => {
    const { t, orgId } = await botSetup();
    await t.run((ctx) => insertWebhookAgent(ctx, orgId, { aiEnabled: true, instanceName: INSTANCE_B, webhookSecret: SECRET_B }));
    const { calls } = stubEvolution();
    await customerSays(t, "STOP");
    await settle(t);
    await customerSays(t, "Oi, quanto custa?", { instance: INSTANCE_B, secret: SECRET_B });
    await settle(t);
    expect(calls).toHaveLength(1);
    expect(await sessions(t)).toHaveLength(2);
  });

  test("the contact's opt-out shows in the conversation list", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSays(t, "me tira da lista");
    await settle(t);
    const [item] = (await t.withIdentity(member).query(api.sessions.list, { orgId: "org_a", paginationOpts: { numItems: 5, cursor: null } })).page;
    expect(item.contactOptedOut).toBe(true);
  });
});

describe("resuming after a person", () => {
  test("the bot answers only customer messages that arrive after the resume", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi, somos uma loja de roupas");
    await settle(t);
    const [session] = await sessions(t);
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId: session._id, text: "Posso te ligar amanhã às 10h?" });
    await customerSays(t, "Pode sim, amanhã às 10h está ótimo!");
    await settle(t);
    await t.withIdentity(member).mutation(api.sessions.resumeBot, { orgId: "org_a", sessionId: session._id });
    await settle(t);
    expect(calls.filter((call) => call.url.includes("sendText"))).toHaveLength(2);
    await customerSays(t, "hoje a gente perde muito tempo com planilha");
    await settle(t);
    const replies = await botReplies(t);
    expect(replies).toHaveLength(2);
    expect(replies[1].answersThroughSeq).toBe(3);
  });
});

describe("knowledge", () => {
  const base = { aiEnabled: true, persona: "Sou a Júlia, da Acme", product: "ZapCRM", language: "auto" as const };
  const knowledge = { productDescription: "CRM para WhatsApp", priceAnswer: "O plano Essencial custa R$ 99 por mês.", businessHours: "Seg a sex, 9h às 18h", faq: [] };

  test("a price question is answered with the agent's price answer", async () => {
    const { t, agentId } = await botSetup();
    await t.run((ctx) => ctx.db.patch("agents", agentId, { knowledge }));
    const { calls } = stubEvolution();
    await customerSays(t, "Quanto custa?");
    await settle(t);
    expect(sentTexts(calls)[0]).toContain("R$ 99");
  });

  test("an admin edits the knowledge; a member is refused with FORBIDDEN and nothing changes", async () => {
    const { t, agentId, orgId } = await botSetup();
    await t.run(async (ctx) => ctx.db.insert("memberships", { orgId, userId: await ctx.db.insert("users", { externalId: "user_admin", email: "a@x.com", name: "Adam" }), role: "admin" }));
    await expect(t.withIdentity(member).mutation(api.agents.updateBot, { orgId: "org_a", agentId, ...base, knowledge })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    expect((await t.run((ctx) => ctx.db.get("agents", agentId)))!.knowledge).toBeUndefined();
    await t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId, ...base, knowledge });
    expect((await t.withIdentity(member).query(api.agents.get, { orgId: "org_a", agentId })).knowledge).toEqual(knowledge);
  });

  test("refuses more FAQ entries than the cap with INVALID_ARGUMENT and changes nothing", async () => {
    const { t, agentId } = await botSetup();
    const faq = Array.from({ length: KNOWLEDGE_LIMITS.faqEntries + 1 }, (_, i) => ({ question: `Pergunta ${i}?`, answer: "Sim." }));
    await expect(t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId, ...base, knowledge: { ...knowledge, faq } })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
    expect((await t.run((ctx) => ctx.db.get("agents", agentId)))!.knowledge).toBeUndefined();
  });

  test("refuses a price answer over its cap with INVALID_ARGUMENT", async () => {
    const { t, agentId } = await botSetup();
    const priceAnswer = "x".repeat(KNOWLEDGE_LIMITS.priceAnswer + 1);
    await expect(t.withIdentity(admin).mutation(api.agents.updateBot, { orgId: "org_a", agentId, ...base, knowledge: { ...knowledge, priceAnswer } })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
  });
});

describe("thread order", () => {
  test("a customer's answer stamped in the same whole second as the bot's reply is placed after the reply", async () => {
    const { t } = await botSetup();
    stubEvolution();
    vi.setSystemTime(new Date("2026-12-02T13:00:00.000Z"));
    await customerSays(t, "Oi, somos uma loja de roupas");
    vi.setSystemTime(new Date("2026-12-02T13:00:02.700Z"));
    await settle(t);
    const [reply] = await botReplies(t);
    // WhatsApp's stamp of the answer, in whole seconds, falls before the reply's millisecond time.
    await customerSays(t, "Usamos planilha");
    const rows = await t.run((ctx) => ctx.db.query("messages").collect());
    const answer = rows.find((row) => row.text === "Usamos planilha")!;
    expect(answer.sentAt).toBeGreaterThan(reply.sentAt);
  });
});

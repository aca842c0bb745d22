import { describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Doc } from "../../convex/_generated/dataModel";
import { LEASE_MS, MAX_REPLY_ATTEMPTS, REPLY_DEBOUNCE_MS } from "../../convex/model/botRules";
import { botReplies, botSetup, withBotTestClock, customerSays, messages, sessions, settle } from "../fixtures/bot";
import { stubEvolution } from "../fixtures/conversations";
import { CUSTOMER, deliverWhatsApp, upsert } from "../fixtures/evolution";
import { identity } from "../fixtures/identities";

/**
 * DESIGN "SPIN replies": one reply in flight per session, bursts coalesced, every customer message
 * covered by exactly one reply, failures retried then flagged, a person's takeover respected.
 * Fake timers drive the debounce, the scheduler and the retries.
 */

const member = identity({ userId: "user_member", orgId: "org_a" });
const OTHER_CUSTOMER_JID = "5521977776666@s.whatsapp.net";

withBotTestClock();

/** Replies answer disjoint, non-empty runs of customer messages, and together all of them. */
function expectEveryMessageAnsweredOnce(rows: Doc<"messages">[]) {
  const inbound = rows.filter((row) => row.author === "customer").map((row) => row.inboundSeq!);
  const through = rows
    .filter((row) => row.author === "bot")
    .map((row) => row.answersThroughSeq!)
    .sort((a, b) => a - b);
  let previous = 0;
  for (const last of through) {
    expect(last).toBeGreaterThan(previous);
    previous = last;
  }
  expect(previous).toBe(Math.max(...inbound));
}

function expectLeaseReleased(session: Doc<"sessions">) {
  expect(session.processingToken).toBeUndefined();
  expect(session.processingExpiresAt).toBeUndefined();
}

describe("answering a customer", () => {
  test("sends one SPIN question through the agent's instance to the customer's number and records it", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi, queria saber mais sobre o CRM");
    await settle(t);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe("http://evolution.test/message/sendText/sd-agentaaaaaaa");
    expect(calls[0].body).toMatchObject({ number: CUSTOMER });
    const [reply] = await botReplies(t);
    // The question is of the customer's stage (situation) or the next one.
    expect(reply).toMatchObject({ direction: "out", delivery: "sent", stage: expect.stringMatching(/^(situation|problem)$/), answersThroughSeq: 1 });
    expect(reply.text).toBe((calls[0].body as { text: string }).text);
    expect(reply.externalId).toMatch(/^3EB0/);
    const [session] = await sessions(t);
    expect(session).toMatchObject({ answeredSeq: 1, inboundSeq: 1, pendingReply: false, needsAttention: false });
    expectLeaseReleased(session);
  });

  test("waits for the debounce window before answering", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Olá!");
    await vi.advanceTimersByTimeAsync(REPLY_DEBOUNCE_MS - 100);
    expect(calls).toHaveLength(0);
    await settle(t);
    expect(calls).toHaveLength(1);
  });
});

describe("one reply at a time", () => {
  test("20 messages inside the debounce window get exactly one reply covering all of them", async () => {
    const { t } = await botSetup();
    const { calls, stats } = stubEvolution();
    for (let i = 0; i < 20; i++) {
      await customerSays(t, `mensagem ${i + 1}: usamos planilha para controlar as vendas`);
      await vi.advanceTimersByTimeAsync(50);
    }
    await settle(t);
    expect(calls).toHaveLength(1);
    expect(stats.maxInFlight).toBe(1);
    const rows = await messages(t);
    expect(rows.filter((row) => row.author === "customer")).toHaveLength(20);
    expectEveryMessageAnsweredOnce(rows);
    expect((await botReplies(t))[0].answersThroughSeq).toBe(20);
  });

  test("messages arriving while a reply is being sent get one more reply, never an overlapping send", async () => {
    const { t } = await botSetup();
    let injected = false;
    const { calls, stats } = stubEvolution({
      duringSend: async () => {
        if (injected) return;
        injected = true;
        await customerSays(t, "Ah, e temos 5 vendedores");
        await customerSays(t, "Hoje usamos planilhas");
      },
    });
    await customerSays(t, "Oi, tudo bem?");
    // Start the first run and let it finish without moving the clock (a real send takes far less
    // than the lease); settling at once would jump past the lease's expiry while it is in flight.
    vi.advanceTimersByTime(REPLY_DEBOUNCE_MS);
    await t.finishInProgressScheduledFunctions();
    expect(calls).toHaveLength(1);
    await settle(t);
    expect(calls).toHaveLength(2);
    expect(stats.maxInFlight).toBe(1);
    expectEveryMessageAnsweredOnce(await messages(t));
    expect((await botReplies(t)).map((reply) => reply.answersThroughSeq).sort()).toEqual([1, 3]);
  });

  test("bursts spaced beyond the window are each answered once", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    for (const burst of [3, 1, 4]) {
      for (let i = 0; i < burst; i++) await customerSays(t, "Temos uma equipe de 10 pessoas");
      await settle(t);
    }
    expect(calls).toHaveLength(3);
    expectEveryMessageAnsweredOnce(await messages(t));
  });

  test("two conversations are answered independently", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi, sou a Maria");
    await customerSays(t, "Hello, I'm John", { remoteJid: OTHER_CUSTOMER_JID });
    await settle(t);
    expect(calls.map((call) => (call.body as { number: string }).number).sort()).toEqual([CUSTOMER, "5521977776666"].sort());
    for (const session of await sessions(t)) {
      expect(session.answeredSeq).toBe(1);
      expectLeaseReleased(session);
    }
  });

  test("a crashed run's lease expires and the waiting message is answered then", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await settle(t);
    // A run that took the lease and died: no finish, no failure, just a lease left behind.
    await t.run(async (ctx) => {
      const [session] = await ctx.db.query("sessions").collect();
      await ctx.db.patch("sessions", session._id, { processingToken: "crashed", processingExpiresAt: Date.now() + LEASE_MS });
    });
    await customerSays(t, "Alguém aí?");
    await vi.advanceTimersByTimeAsync(REPLY_DEBOUNCE_MS + 10);
    expect(calls).toHaveLength(1);
    expect((await sessions(t))[0].pendingReply).toBe(true);
    await settle(t);
    expect(calls).toHaveLength(2);
    const [session] = await sessions(t);
    expect(session.answeredSeq).toBe(2);
    expectLeaseReleased(session);
  });
});

describe("failures", () => {
  test("a gateway failing twice then succeeding gives exactly one reply and releases the lease", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution({ failTimes: 2 });
    await customerSays(t, "Oi");
    await settle(t);
    expect(calls).toHaveLength(3);
    expect(await botReplies(t)).toHaveLength(1);
    const [session] = await sessions(t);
    expect(session).toMatchObject({ needsAttention: false, answeredSeq: 1 });
    expectLeaseReleased(session);
  });

  test("a gateway that always fails flags the conversation for a person and loses no message", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution({ failWith: 500 });
    await customerSays(t, "Oi, preciso de ajuda");
    await settle(t);
    expect(calls).toHaveLength(MAX_REPLY_ATTEMPTS);
    expect(await botReplies(t)).toHaveLength(0);
    const rows = await messages(t);
    expect(rows.map((row) => row.text)).toEqual(["Oi, preciso de ajuda"]);
    const [session] = await sessions(t);
    expect(session).toMatchObject({ needsAttention: true, answeredSeq: 0, inboundSeq: 1 });
    expectLeaseReleased(session);
  });

  test("a reply already scheduled when the organization is deleted is never sent", async () => {
    const { t, orgId } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await t.run((ctx) => ctx.db.patch("organizations", orgId, { deletedAt: Date.now() }));
    await settle(t);
    expect(calls).toHaveLength(0);
    expect(await botReplies(t)).toHaveLength(0);
  });

  test("an agent whose WhatsApp is not connected flags the conversation instead of trying to send", async () => {
    const { t } = await botSetup({ status: "close" });
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await settle(t);
    expect(calls).toHaveLength(0);
    expect((await sessions(t))[0].needsAttention).toBe(true);
  });

  test("a model failure falls back to the rules, which still answer", async () => {
    const { t } = await botSetup();
    vi.stubEnv("AI_BASE_URL", "http://model.test/v1");
    vi.stubEnv("AI_MODEL", "test-model");
    const chat = vi.fn(() => Response.json({ error: "overloaded" }, { status: 503 }));
    const { calls } = stubEvolution({ chat });
    await customerSays(t, "Oi, quero saber o preço");
    await settle(t);
    expect(chat).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
    expect((await botReplies(t))[0].text.length).toBeGreaterThan(0);
  });

  test("a valid model answer is what the customer receives", async () => {
    const { t } = await botSetup();
    vi.stubEnv("AI_BASE_URL", "http://model.test/v1");
    vi.stubEnv("AI_MODEL", "test-model");
    const answer = { stage: "problem", intent: null, questionStage: "problem", handoff: false, reply: "E qual é a maior dificuldade com as planilhas hoje?" };
    const chat = () => Response.json({ choices: [{ message: { content: JSON.stringify(answer) } }] });
    const { calls } = stubEvolution({ chat });
    await customerSays(t, "Usamos planilhas e está ficando difícil");
    await settle(t);
    expect((calls[0].body as { text: string }).text).toBe(answer.reply);
    expect((await sessions(t))[0].stage).toBe("problem");
  });
});

describe("a person taking over", () => {
  test("a paused conversation gets no reply, and resuming answers what arrived meanwhile", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await settle(t);
    const [{ _id: sessionId }] = await sessions(t);
    await t.withIdentity(member).mutation(api.sessions.pauseBot, { orgId: "org_a", sessionId });
    await customerSays(t, "Ainda estão aí?");
    await settle(t);
    expect(calls).toHaveLength(1);
    await t.withIdentity(member).mutation(api.sessions.resumeBot, { orgId: "org_a", sessionId });
    await settle(t);
    expect(calls).toHaveLength(2);
    expectEveryMessageAnsweredOnce(await messages(t));
  });

  test("an agent with the AI switched off never answers", async () => {
    const { t } = await botSetup({ aiEnabled: false });
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await settle(t);
    expect(calls).toHaveLength(0);
    expect((await sessions(t))[0]).toMatchObject({ needsAttention: false, answeredSeq: 0 });
  });

  test("a team member's reply pauses the bot for that conversation", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await settle(t);
    const [{ _id: sessionId }] = await sessions(t);
    await t.withIdentity(member).action(api.messages.sendHuman, { orgId: "org_a", sessionId, text: "Oi Maria, aqui é a Ana!" });
    await customerSays(t, "Oi Ana!");
    await settle(t);
    expect(calls).toHaveLength(2);
    expect((await sessions(t))[0].botPaused).toBe(true);
    expect(await botReplies(t)).toHaveLength(1);
  });

  test("a message typed on the linked phone pauses the bot", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSays(t, "Oi");
    await settle(t);
    await deliverWhatsApp(t, upsert({ id: "PHONE-1", fromMe: true, text: "Deixa comigo, Maria", timestamp: Math.floor(Date.now() / 1000) + 100 }));
    await customerSays(t, "Ok!");
    await settle(t);
    expect(calls).toHaveLength(1);
    expect((await sessions(t))[0].botPaused).toBe(true);
  });

  test("the echo of the bot's own send, arriving before the send returns, is one bot message and pauses nothing", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution({
      duringSend: async ({ text, externalId }) => {
        await deliverWhatsApp(t, upsert({ id: externalId, fromMe: true, text, timestamp: Math.floor(Date.now() / 1000) }));
      },
    });
    await customerSays(t, "Oi");
    await settle(t);
    expect(calls).toHaveLength(1);
    const outbound = (await messages(t)).filter((row) => row.direction === "out");
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ author: "bot", answersThroughSeq: 1 });
    expect((await sessions(t))[0].botPaused).toBe(false);
  });

  test("a pause that lands while the reply is being planned stops it before it is sent", async () => {
    const { t } = await botSetup();
    vi.stubEnv("AI_BASE_URL", "http://model.test/v1");
    vi.stubEnv("AI_MODEL", "test-model");
    const chat = async () => {
      const [{ _id: sessionId }] = await sessions(t);
      await t.withIdentity(member).mutation(api.sessions.pauseBot, { orgId: "org_a", sessionId });
      return Response.json({ choices: [{ message: { content: JSON.stringify({ stage: "situation", confidence: 0.8, reply: "Olá!" }) } }] });
    };
    const { calls } = stubEvolution({ chat });
    await customerSays(t, "Oi");
    await settle(t);
    expect(calls).toHaveLength(0);
    const [session] = await sessions(t);
    expect(session.botPaused).toBe(true);
    expectLeaseReleased(session);
  });
});

describe("SPIN stage", () => {
  test("a message that shows several stages moves to the furthest and records each stage passed with its words", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSays(t, "Somos uma loja com 12 vendedores e hoje usamos planilha no Excel");
    await settle(t);
    await customerSays(t, "O problema é que a equipe tem muita dificuldade para acompanhar os pedidos, e por isso perdemos muitos clientes");
    await settle(t);
    const [session] = await sessions(t);
    expect(session.stage).toBe("implication");
    const events = await t.run((ctx) => ctx.db.query("stageEvents").collect());
    expect(events.map((event) => [event.from, event.to])).toEqual([
      ["situation", "problem"],
      ["problem", "implication"],
    ]);
    for (const event of events) {
      const moved = (await messages(t)).find((row) => row._id === event.messageId);
      expect(moved?.text).toContain(event.quote);
    }
    expect(events[1].quote).toContain("perdemos muitos clientes");
  });

  test("each reply asks a question of the customer's stage or the next, never one behind", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSays(t, "Somos uma loja com 12 vendedores e hoje usamos planilha no Excel");
    await settle(t);
    await customerSays(t, "perdemos uns 20 pedidos por causa disso");
    await settle(t);
    const replies = await botReplies(t);
    expect(replies).toHaveLength(2);
    expect(["situation", "problem"]).toContain(replies[0].stage);
    expect(["implication", "need_payoff"]).toContain(replies[1].stage);
  });

  test("reaching need-payoff suggests handing the customer to a person", async () => {
    const { t } = await botSetup();
    vi.stubEnv("AI_BASE_URL", "http://model.test/v1");
    vi.stubEnv("AI_MODEL", "test-model");
    const answer = { stage: "need_payoff", intent: null, questionStage: null, handoff: false, reply: "Posso chamar um especialista para mostrar como resolver isso?" };
    stubEvolution({ chat: () => Response.json({ choices: [{ message: { content: JSON.stringify(answer) } }] }) });
    await customerSays(t, "Seria ótimo ter uma solução para isso");
    await settle(t);
    expect((await sessions(t))[0]).toMatchObject({ stage: "need_payoff", handoffSuggested: true });
  });
});

import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { INBOX_VIEWS, type InboxView } from "../../lib/inbox/views";
import { insertMessage, insertSession } from "../fixtures/conversations";
import { seeded } from "../fixtures/random";
import type { TestCaller } from "./setup";
import { adam, customerWrites, mia, olivia, seedTeam, sessionRow, type Team } from "./inbox-setup";

const phone = (i: number) => `55119${String(i).padStart(8, "0")}`;
const page = { numItems: 100, cursor: null };

async function viewIds(caller: TestCaller, view: InboxView, extra: Record<string, unknown> = {}) {
  const result = await caller.query(api.inbox.list, { orgId: "org_a", paginationOpts: page, view, ...extra });
  return result.page.map((item) => item._id);
}

describe("views", () => {
  test("each view lists its open conversations: mine, unassigned, waiting, bot handling, needs attention, all", async () => {
    const team = await seedTeam();
    const asAdam = team.t.withIdentity(adam);
    const waiting = await customerWrites(team.t, phone(1));
    const mine = await customerWrites(team.t, phone(2));
    await asAdam.mutation(api.triage.assign, { orgId: "org_a", sessionId: mine, assigneeId: team.adamId });
    const botHandled = await customerWrites(team.t, phone(3));
    await asAdam.mutation(api.sessions.resumeBot, { orgId: "org_a", sessionId: botHandled });
    const failing = await customerWrites(team.t, phone(4));
    await team.t.run((ctx) => ctx.db.patch("sessions", failing, { needsAttention: true }));
    const resolved = await customerWrites(team.t, phone(5));
    await asAdam.mutation(api.triage.resolve, { orgId: "org_a", sessionId: resolved });

    expect(await viewIds(asAdam, "mine")).toEqual([mine]);
    expect(new Set(await viewIds(asAdam, "unassigned"))).toEqual(new Set([waiting, botHandled, failing]));
    expect(await viewIds(asAdam, "waiting")).toEqual([waiting, mine, failing]);
    expect(await viewIds(asAdam, "bot")).toEqual([botHandled]);
    expect(await viewIds(asAdam, "attention")).toEqual([failing]);
    expect(new Set(await viewIds(asAdam, "all"))).toEqual(new Set([waiting, mine, botHandled, failing]));
    expect(await viewIds(asAdam, "all", { status: "resolved" })).toEqual([resolved]);
    expect(await viewIds(team.t.withIdentity(mia), "mine")).toEqual([]);
  });

  test("filters by agent and by stage, and narrows another view by them within its page", async () => {
    const team = await seedTeam();
    const asAdam = team.t.withIdentity(adam);
    const early = await customerWrites(team.t, phone(1));
    const late = await customerWrites(team.t, phone(2));
    await team.t.run((ctx) => ctx.db.patch("sessions", late, { stage: "need_payoff" }));
    expect(await viewIds(asAdam, "all", { stage: "need_payoff" })).toEqual([late]);
    expect(await viewIds(asAdam, "waiting", { stage: "situation" })).toEqual([early]);
    expect(new Set(await viewIds(asAdam, "all", { agentId: team.agentA }))).toEqual(new Set([early, late]));
    expect(await viewIds(asAdam, "all", { agentId: team.agentB })).toEqual([]);
  });

  test("filters by label through the label's conversations, newest activity first", async () => {
    const team = await seedTeam();
    const asAdam = team.t.withIdentity(adam);
    const labelled = await customerWrites(team.t, phone(1));
    await customerWrites(team.t, phone(2));
    const labelId = await team.t.run(async (ctx) => {
      const labelId = await ctx.db.insert("labels", { orgId: team.orgA, name: "Quente", color: "rose" });
      await ctx.db.insert("sessionLabels", { orgId: team.orgA, sessionId: labelled, labelId, lastMessageAt: 1 });
      return labelId;
    });
    expect(await viewIds(asAdam, "all", { labelId })).toEqual([labelled]);
    expect(await viewIds(asAdam, "bot", { labelId })).toEqual([]);
  });

  test("never lists another organization's conversations", async () => {
    const team = await seedTeam();
    await team.t.run((ctx) => insertSession(ctx, team.orgB, team.agentB, { assigneeId: team.bobId }));
    for (const view of INBOX_VIEWS) expect(await viewIds(team.t.withIdentity(adam), view)).toEqual([]);
  });
});

describe("counts", () => {
  test("the sidebar counts follow assignments, status changes and customer messages live", async () => {
    const team = await seedTeam();
    const asAdam = team.t.withIdentity(adam);
    const sessionId = await customerWrites(team.t, phone(1));
    await customerWrites(team.t, phone(2));
    const counts = () => asAdam.query(api.inbox.counts, { orgId: "org_a" });
    expect(await counts()).toMatchObject({ mine: 0, unassigned: 2, waiting: 2, bot: 0, attention: 0, all: 2 });
    await asAdam.mutation(api.triage.assign, { orgId: "org_a", sessionId, assigneeId: team.adamId });
    expect(await counts()).toMatchObject({ mine: 1, unassigned: 1, all: 2 });
    await asAdam.mutation(api.triage.resolve, { orgId: "org_a", sessionId });
    expect(await counts()).toMatchObject({ mine: 0, unassigned: 1, waiting: 1, all: 1 });
    await customerWrites(team.t, phone(1), "Voltei");
    expect(await counts()).toMatchObject({ mine: 1, waiting: 2, all: 2 });
    expect(await team.t.withIdentity(mia).query(api.inbox.counts, { orgId: "org_a" })).toMatchObject({ mine: 0 });
  });

  for (const seed of [1, 7, 42]) {
    test(`after random operations every count equals a recount of its view (seed ${seed})`, async () => {
      const team = await seedTeam();
      const rnd = seeded(seed);
      const members = [team.oliviaId, team.adamId, team.miaId];
      const callers = [olivia, adam, mia].map((who) => team.t.withIdentity(who));
      const sessions: Id<"sessions">[] = [];
      for (let step = 0; step < 60; step++) {
        const caller = rnd.pick(callers);
        const roll = rnd.int(10);
        if (sessions.length === 0 || roll === 0) {
          sessions.push(await customerWrites(team.t, phone(sessions.length)));
          continue;
        }
        const index = rnd.int(sessions.length);
        const sessionId = sessions[index];
        const args = { orgId: "org_a", sessionId };
        if (roll === 1) await customerWrites(team.t, phone(index), "De novo");
        else if (roll === 2) await caller.mutation(api.triage.assign, { ...args, assigneeId: rnd.pick(members) });
        else if (roll === 3) await caller.mutation(api.triage.unassign, args);
        else if (roll === 4) await caller.mutation(api.triage.resolve, args);
        else if (roll === 5) await caller.mutation(api.triage.markPending, args);
        else if (roll === 6) await caller.mutation(api.triage.snooze, args);
        else if (roll === 7) await caller.mutation(api.triage.reopen, args);
        else if (roll === 8) await caller.mutation(api.sessions.resumeBot, args);
        else await caller.mutation(api.sessions.pauseBot, args);
      }
      for (const [who, caller] of callers.entries()) {
        const counts = await caller.query(api.inbox.counts, { orgId: "org_a" });
        for (const view of INBOX_VIEWS) {
          if (view === "mine" || who === 0) expect({ view, count: counts[view] }).toEqual({ view, count: (await viewIds(caller, view)).length });
        }
      }
    });
  }
});

describe("read state per member", () => {
  test("Mia reading a conversation leaves Olivia's unread count alone", async () => {
    const team = await seedTeam();
    const sessionId = await customerWrites(team.t, phone(1));
    await customerWrites(team.t, phone(1), "Segunda mensagem");
    const asMia = team.t.withIdentity(mia);
    const asOlivia = team.t.withIdentity(olivia);
    expect((await asOlivia.query(api.sessions.get, { orgId: "org_a", sessionId })).unreadCount).toBe(2);
    await asMia.mutation(api.sessions.markRead, { orgId: "org_a", sessionId });
    expect((await asMia.query(api.sessions.get, { orgId: "org_a", sessionId })).unreadCount).toBe(0);
    expect((await asOlivia.query(api.sessions.get, { orgId: "org_a", sessionId })).unreadCount).toBe(2);
    const [row] = (await asOlivia.query(api.inbox.list, { orgId: "org_a", paginationOpts: page, view: "all" })).page;
    expect(row.unreadCount).toBe(2);
  });

  test("a new customer message is unread again for the member who had read the conversation", async () => {
    const team = await seedTeam();
    const sessionId = await customerWrites(team.t, phone(1));
    const asMia = team.t.withIdentity(mia);
    await asMia.mutation(api.sessions.markRead, { orgId: "org_a", sessionId });
    await customerWrites(team.t, phone(1), "Mais uma");
    expect(await asMia.query(api.sessions.get, { orgId: "org_a", sessionId })).toMatchObject({ unreadCount: 1, readSeq: 1 });
  });
});

async function mentionAdam(team: Team, sessionId: Id<"sessions">) {
  await team.t.run(async (ctx) => {
    const messageId = await insertMessage(ctx, sessionId, { direction: "out", author: "human", text: "@Adam olha esse" });
    await ctx.db.insert("mentions", { orgId: team.orgA, userId: team.adamId, sessionId, messageId, byUserId: team.oliviaId, at: Date.now() });
  });
}

describe("mentions and the header badge", () => {
  test("Mine lists the conversations where I am mentioned until I open them", async () => {
    const team = await seedTeam();
    const sessionId = await customerWrites(team.t, phone(1));
    await mentionAdam(team, sessionId);
    const asAdam = team.t.withIdentity(adam);
    expect((await asAdam.query(api.inbox.myMentions, { orgId: "org_a" })).map((item) => item._id)).toEqual([sessionId]);
    expect(await asAdam.query(api.inbox.counts, { orgId: "org_a" })).toMatchObject({ mentions: 1 });
    expect(await team.t.withIdentity(mia).query(api.inbox.myMentions, { orgId: "org_a" })).toEqual([]);
    await asAdam.mutation(api.sessions.markRead, { orgId: "org_a", sessionId });
    expect(await asAdam.query(api.inbox.myMentions, { orgId: "org_a" })).toEqual([]);
  });

  test("the badge counts my conversations with unread customer messages plus my unseen mentions", async () => {
    const team = await seedTeam();
    const asAdam = team.t.withIdentity(adam);
    const mine = await customerWrites(team.t, phone(1));
    const other = await customerWrites(team.t, phone(2));
    await asAdam.mutation(api.triage.assign, { orgId: "org_a", sessionId: mine, assigneeId: team.adamId });
    expect(await asAdam.query(api.inbox.badge, { orgId: "org_a" })).toEqual({ count: 1, capped: false });
    await mentionAdam(team, other);
    expect(await asAdam.query(api.inbox.badge, { orgId: "org_a" })).toEqual({ count: 2, capped: false });
    await asAdam.mutation(api.sessions.markRead, { orgId: "org_a", sessionId: mine });
    await asAdam.mutation(api.sessions.markRead, { orgId: "org_a", sessionId: other });
    expect(await asAdam.query(api.inbox.badge, { orgId: "org_a" })).toEqual({ count: 0, capped: false });
    expect((await sessionRow(team.t, mine))?.assigneeId).toBe(team.adamId);
  });
});

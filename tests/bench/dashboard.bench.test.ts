import { test } from "vitest";
import type { Id } from "../../convex/_generated/dataModel";
import { overviewOf } from "../../convex/model/overview";
import { recomputeRollups } from "../fixtures/recompute-rollups";
import { DEFAULT_TIMEZONE } from "../../lib/time/timezone";
import { localDayRange } from "../../lib/time/windows";
import { newTest } from "../convex/setup";
import { insertAgent, insertContact } from "../fixtures/conversations";
import { insertOrg } from "../fixtures/rows";
import { countingDb } from "./counting-db";
import { report } from "./report";

/**
 * DESIGN "Budgets": the dashboard reads a number of documents independent of message history.
 * The overview of "today" against a naive scan of the day's messages, at 1,000 and 100,000 stored
 * messages spread over 60 days, counted by a read-counting wrapper around `ctx.db`.
 */

const NOW = Date.parse("2026-12-01T15:00:00Z");
const DAYS = 60;
const SEED_BATCH = 4000;

async function seed(messages: number) {
  const t = newTest();
  const { orgId, agents, sessions } = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, "org_bench");
    const agents = [await insertAgent(ctx, orgId), await insertAgent(ctx, orgId)];
    const sessions: Id<"sessions">[] = [];
    for (const [i, agentId] of agents.entries()) {
      const contactId = await insertContact(ctx, orgId, agentId, { waJid: `55119000000${i}@s.whatsapp.net` });
      const base = { orgId, agentId, contactId, stage: "situation" as const, status: "open" as const, botPaused: false, needsAttention: false, pendingReply: false, unreadCount: 0 };
      sessions.push(await ctx.db.insert("sessions", { ...base, lastMessageAt: NOW, startedAt: NOW - DAYS * 86_400_000 }));
    }
    return { orgId, agents, sessions };
  });
  for (let done = 0; done < messages; done += SEED_BATCH) {
    await t.run(async (ctx) => {
      for (let i = done; i < Math.min(messages, done + SEED_BATCH); i++) {
        const side = i % 2;
        const sentAt = NOW - Math.floor((i / messages) * DAYS * 86_400_000);
        await ctx.db.insert("messages", {
          orgId,
          sessionId: sessions[side],
          agentId: agents[side],
          direction: i % 3 === 0 ? "out" : "in",
          author: i % 3 === 0 ? "bot" : "customer",
          text: `message ${i}`,
          sentAt,
          delivery: "delivered",
        });
      }
    });
  }
  // The rollups the write path keeps, built the way a rebuild would.
  await t.run(async (ctx) => {
    const rows = {
      sessions: await ctx.db.query("sessions").collect(),
      messages: await ctx.db.query("messages").collect(),
      stageEvents: [],
    };
    for (const [key, counters] of recomputeRollups(DEFAULT_TIMEZONE, rows)) {
      const [agentId, day] = key.split("|");
      await ctx.db.insert("dailyStats", { orgId, agentId: agentId as Id<"agents">, day, generation: 0, counters });
    }
  });
  return { t, orgId };
}

async function measure(messages: number) {
  const { t, orgId } = await seed(messages);
  return t.run(async (ctx) => {
    const org = (await ctx.db.get("organizations", orgId))!;
    const rollups = countingDb(ctx.db);
    const overview = await overviewOf(rollups.db, org, "today", NOW);
    const naive = countingDb(ctx.db);
    const today = localDayRange(DEFAULT_TIMEZONE, NOW);
    let messagesToday = 0;
    for await (const message of naive.db.query("messages").withIndex("by_org", (q) => q.eq("orgId", orgId))) {
      if (message.direction === "in" && message.sentAt >= today.start && message.sentAt < today.end) messagesToday += 1;
    }
    if (messagesToday !== overview.totals.messagesIn) throw new Error(`overview ${overview.totals.messagesIn} ≠ scan ${messagesToday}`);
    return { storedMessages: messages, messagesToday, overviewDocumentsRead: rollups.read(), naiveScanDocumentsRead: naive.read() };
  });
}

test("documents read by the dashboard overview against a naive scan, at 1,000 and 100,000 messages", async () => {
  const rows = [];
  for (const size of [1_000, 100_000]) {
    const figures = await measure(size);
    // Columns in reading order (values come back from convex-test with their keys sorted).
    rows.push({
      storedMessages: figures.storedMessages,
      overviewDocumentsRead: figures.overviewDocumentsRead,
      naiveScanDocumentsRead: figures.naiveScanDocumentsRead,
      messagesToday: figures.messagesToday,
    });
  }
  await report("Dashboard overview ('today'): documents read, rollups vs naive scan of messages", rows);
}, 600_000);

import { test } from "vitest";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { badgeOf, inboxPage, viewCounts } from "../../convex/model/inboxViews";
import { newSessionFields } from "../../convex/model/sessions";
import { counterKeysOf, INBOX_VIEWS } from "../../lib/inbox/views";
import { newTest } from "../convex/setup";
import { insertAgent, insertContact } from "../fixtures/conversations";
import { insertOrg, insertUser } from "../fixtures/rows";
import { countingDb } from "./counting-db";
import { report } from "./report";

/**
 * DESIGN "Budgets": each inbox view's list page and the sidebar counts read a number of documents
 * independent of history. One conversation per ten stored messages (100 at 1,000 messages, 10,000
 * at 100,000), spread over statuses, owners, the queue, the bot and failures.
 */

const PAGE = { numItems: 25, cursor: null };
const NOW = Date.parse("2026-12-01T15:00:00Z");
const SEED_BATCH = 4000;
const MESSAGES_PER_SESSION = 10;

function sessionShape(i: number, users: Id<"users">[]): Partial<Doc<"sessions">> {
  return {
    status: (["open", "open", "pending", "snoozed", "resolved"] as const)[i % 5],
    assigneeId: i % 4 === 0 ? undefined : users[i % users.length],
    waitingSince: i % 3 === 0 ? NOW - i : undefined,
    botPaused: i % 3 === 0 || i % 7 === 0,
    needsAttention: i % 11 === 0,
    inboundSeq: MESSAGES_PER_SESSION / 2,
    lastMessageAt: NOW - i * 60_000,
  };
}

async function seed(messages: number) {
  const t = newTest();
  const sessionCount = messages / MESSAGES_PER_SESSION;
  const base = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, "org_bench");
    const users = [];
    for (const name of ["olivia", "adam", "mia"]) {
      const userId = await insertUser(ctx, `user_${name}`);
      await ctx.db.insert("memberships", { orgId, userId, role: "member" });
      users.push(userId);
    }
    const agentId = await insertAgent(ctx, orgId);
    const contactId = await insertContact(ctx, orgId, agentId);
    return { orgId, users, agentId, contactId };
  });
  const sessions: Id<"sessions">[] = [];
  for (let done = 0; done < sessionCount; done += SEED_BATCH) {
    sessions.push(
      ...(await t.run(async (ctx) => {
        const ids = [];
        for (let i = done; i < Math.min(sessionCount, done + SEED_BATCH); i++) {
          const fields = { ...newSessionFields({ _id: base.agentId, orgId: base.orgId }, base.contactId, NOW), ...sessionShape(i, base.users) };
          ids.push(await ctx.db.insert("sessions", fields));
        }
        return ids;
      })),
    );
  }
  for (let done = 0; done < messages; done += SEED_BATCH) {
    await t.run(async (ctx) => {
      for (let i = done; i < Math.min(messages, done + SEED_BATCH); i++) {
        const sessionId = sessions[i % sessionCount];
        await ctx.db.insert("messages", {
          orgId: base.orgId,
          sessionId,
          agentId: base.agentId,
          direction: i % 2 === 0 ? "in" : "out",
          author: i % 2 === 0 ? "customer" : "bot",
          text: `message ${i}`,
          sentAt: NOW - i,
          delivery: "delivered",
        });
      }
    });
  }
  // The counters the sessions trigger keeps, and some read marks and mentions, as the product writes them.
  await t.run(async (ctx) => {
    const counts = new Map<string, number>();
    for (const session of await ctx.db.query("sessions").collect()) {
      for (const key of counterKeysOf(session)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) await ctx.db.insert("inboxCounts", { orgId: base.orgId, key, count });
    for (const sessionId of sessions.slice(0, 30)) {
      await ctx.db.insert("readStates", { orgId: base.orgId, userId: base.users[1], sessionId, readSeq: 2 });
    }
    const message = (await ctx.db.query("messages").first())!;
    for (const sessionId of sessions.slice(0, 5)) {
      await ctx.db.insert("mentions", { orgId: base.orgId, userId: base.users[1], sessionId, messageId: message._id, byUserId: base.users[0], at: NOW });
    }
  });
  return { t, ...base };
}

async function measure(messages: number) {
  const { t, orgId, users } = await seed(messages);
  const viewer = users[1];
  const rows = [];
  // One transaction per list: Convex allows a single paginated query per function.
  for (const view of INBOX_VIEWS) {
    const figures = await t.run(async (ctx) => {
      const list = countingDb(ctx.db);
      const page = await inboxPage(list.db, orgId, viewer, { view }, PAGE);
      return { documentsRead: list.read(), rows: page.page.length };
    });
    rows.push({ storedMessages: messages, query: `list ${view}`, ...figures });
  }
  const counts = await t.run(async (ctx) => {
    const counting = countingDb(ctx.db);
    const figures = await viewCounts(counting.db, orgId, viewer);
    return { documentsRead: counting.read(), rows: figures.all };
  });
  rows.push({ storedMessages: messages, query: "counts (all views)", ...counts });
  const badge = await t.run(async (ctx) => {
    const counting = countingDb(ctx.db);
    const header = await badgeOf(counting.db, orgId, viewer);
    return { documentsRead: counting.read(), rows: header.count };
  });
  rows.push({ storedMessages: messages, query: "header badge", ...badge });
  return rows;
}

test("documents read by each inbox view's list page and by the counts, at 1,000 and 100,000 messages", async () => {
  const rows = [];
  for (const size of [1_000, 100_000]) rows.push(...(await measure(size)));
  await report("Inbox views: documents read per query (page of 25; `rows` = rows returned, or the count)", rows);
}, 600_000);

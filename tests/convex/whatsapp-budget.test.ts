import { afterEach, describe, expect, test, vi } from "vitest";

import { TS1, TS3, deliverWhatsApp, upsert } from "../fixtures/evolution";
import { INGEST_CASES as CASES, ingestAsProduction, seedHistory } from "../fixtures/ingest-history";
import { newTest } from "./setup";

/**
 * DESIGN "Budgets": one webhook ingest reads ≤ 10 documents, whatever the history. Counted by
 * convex-test's transaction metrics (the numbers Convex enforces), over an agent with a long history.
 */

const BUDGET = 10;

afterEach(() => {
  vi.useRealTimers();
});

describe("document reads per ingest", () => {
  test.each(CASES)("%s stays within the budget", async (_name, change) => {
    const t = newTest();
    const { orgId, agentId } = await t.run(seedHistory);
    const { outcome, documentsRead } = await t.run(async (ctx) => {
      const result = await ingestAsProduction(ctx, { orgId, agentId }, change);
      const metrics = await ctx.meta.getTransactionMetrics();
      return { outcome: result, documentsRead: metrics.documentsRead.used };
    });
    expect(outcome.outcome).not.toBe("agent_gone");
    expect(documentsRead).toBeLessThanOrEqual(BUDGET);
  });

  test("the exact counts (reported in the issue's closing note)", async () => {
    const counts: Record<string, number> = {};
    for (const [name, change] of CASES) {
      const t = newTest();
      const { orgId, agentId } = await t.run(seedHistory);
      counts[name] = await t.run(async (ctx) => {
        await ingestAsProduction(ctx, { orgId, agentId }, change);
        return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
      });
    }
    // Measured through internalOrgMutation's own db: the org check (+1 each), and the triggers'
    // reads of the rows they diff (a new row's first read) instead of hand-built documents.
    expect(counts).toEqual({
      "new inbound message from a known customer (reopens the session)": 8,
      // +1: the contacts trigger (searchable names) reads the new contact it diffs.
      "new inbound message from a new customer": 8,
      "inbound message with a changed profile name": 9,
      "replay of a stored message": 3,
      "fromMe echo of a message we sent": 4,
      "message typed on the linked phone": 9,
      "a photo from a known customer (file pending)": 8,
      // + the quoted message, to link it.
      "a reply quoting a stored message": 9,
      // + one per waiting update (they are applied before the insert and removed later).
      "a message whose edit and reaction came first": 10,
      // + the contact patched with the LID.
      "a message from the customer's LID, linked to their phone": 9,
      "messages.update for a sent message": 4,
      "messages.update before its message (kept)": 2,
      // + the session, when the edited message may be its newest.
      "messages.edited": 5,
      "messages.delete": 5,
      "a reaction": 4,
      "contacts.upsert for a known customer": 4,
      "contacts.upsert for someone who never wrote": 2,
      // Hints only: the gateway check is scheduled (convex/agentPairing.ts), nothing patched here.
      "connection.update open": 2,
      "qrcode.updated": 2,
    });
  });

  test("the whole webhook runs under Convex's limits tightened to the budget", async () => {
    vi.useFakeTimers();
    const t = newTest({}, { transactionLimits: { documentsRead: BUDGET } });
    await t.run(async (ctx) => {
      await seedHistory(ctx);
    });
    for (const [id, timestamp] of [["B2", TS3], ["B1", TS1], ["B2", TS3]] as const) {
      const response = await deliverWhatsApp(t, upsert({ id, timestamp }));
      expect(response.status).toBe(200);
    }
    // The bot's scheduled runs (declined here: the agent is still pairing) stay inside it too.
    await t.finishAllScheduledFunctions(vi.runAllTimers);
  });
});

import { test } from "vitest";

import { newTest } from "../convex/setup";
import { TS1, deliverWhatsApp, upsert } from "../fixtures/evolution";
import { INGEST_CASES, ingestAsProduction, seedHistory } from "../fixtures/ingest-history";
import { report, timeEach } from "./report";

/** WhatsApp ingest figures: document reads per webhook kind (DESIGN budget ≤ 10) and wall time. */

const DELIVERIES = 300;

test("documents read and written by one ingest, per webhook kind", async () => {
  const rows = [];
  for (const [name, change] of INGEST_CASES) {
    const t = newTest();
    const { orgId, agentId } = await t.run(seedHistory);
    const metrics = await t.run(async (ctx) => {
      await ingestAsProduction(ctx, { orgId, agentId }, change);
      return ctx.meta.getTransactionMetrics();
    });
    rows.push({ ingest: name, documentsRead: metrics.documentsRead.used, documentsWritten: metrics.documentsWritten.used });
  }
  await report("WhatsApp ingest: documents per webhook (budget: ≤ 10 read)", rows);
});

test("wall time of signed messages.upsert deliveries through the http action", async () => {
  const t = newTest();
  await t.run(seedHistory);
  const row = await timeEach(DELIVERIES, (i) => deliverWhatsApp(t, upsert({ id: `BENCH-${i}`, timestamp: TS1 + i })));
  await report(`WhatsApp webhook: ${DELIVERIES} deliveries in a row (convex-test, in process)`, [row]);
});

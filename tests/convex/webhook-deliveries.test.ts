import { afterEach, describe, expect, test, vi } from "vitest";
import { internal } from "../../convex/_generated/api";
import { DELIVERY_RETENTION_MS } from "../../convex/webhookDeliveries";
import { newTest } from "./setup";

afterEach(() => {
  vi.useRealTimers();
});

describe("pruneExpired", () => {
  test("deletes delivery ids older than the retention window and keeps recent ones", async () => {
    const t = newTest();
    const now = Date.now();
    await t.run(async (ctx) => {
      await ctx.db.insert("webhookDeliveries", { provider: "clerk", deliveryId: "old", receivedAt: now - DELIVERY_RETENTION_MS - 1000 });
      await ctx.db.insert("webhookDeliveries", { provider: "clerk", deliveryId: "recent", receivedAt: now - 1000 });
    });
    expect(await t.mutation(internal.webhookDeliveries.pruneExpired, {})).toEqual({ deleted: 1 });
    const left = await t.run((ctx) => ctx.db.query("webhookDeliveries").collect());
    expect(left.map((delivery) => delivery.deliveryId)).toEqual(["recent"]);
  });

  test("works through more than one batch by scheduling itself", async () => {
    vi.useFakeTimers();
    const t = newTest();
    const old = Date.now() - DELIVERY_RETENTION_MS - 1000;
    await t.run(async (ctx) => {
      for (let i = 0; i < 1_100; i++) await ctx.db.insert("webhookDeliveries", { provider: "clerk", deliveryId: `d${i}`, receivedAt: old });
    });
    expect(await t.mutation(internal.webhookDeliveries.pruneExpired, {})).toEqual({ deleted: 500 });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await t.run((ctx) => ctx.db.query("webhookDeliveries").collect())).toHaveLength(0);
  });
});

import { describe, expect, test } from "vitest";
import { withReadCache } from "../../convex/lib/readCache";
import { insertOrg } from "../fixtures/rows";
import { newTest } from "./setup";

/** convex/lib/readCache.ts: one read per document per transaction, always what the database holds. */
describe("withReadCache", () => {
  test("a second get of the same document reads nothing more", async () => {
    const t = newTest();
    const reads = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a");
      const db = withReadCache(ctx.db);
      const before = (await ctx.meta.getTransactionMetrics()).documentsRead.used;
      await db.get("organizations", orgId);
      await db.get("organizations", orgId);
      return (await ctx.meta.getTransactionMetrics()).documentsRead.used - before;
    });
    expect(reads).toBe(1);
  });

  test("a get after a patch sees the patch, with fields set to undefined removed", async () => {
    const t = newTest();
    const org = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a", { deletedAt: 5 });
      const db = withReadCache(ctx.db);
      await db.get("organizations", orgId);
      await db.patch("organizations", orgId, { name: "Acme", deletedAt: undefined });
      return db.get("organizations", orgId);
    });
    expect(org).toMatchObject({ name: "Acme" });
    expect(org).not.toHaveProperty("deletedAt");
  });

  test("a caller changing a document it was handed does not change what the next caller sees", async () => {
    const t = newTest();
    const name = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a");
      const db = withReadCache(ctx.db);
      const first = (await db.get("organizations", orgId))!;
      first.name = "changed by a careless caller";
      return (await db.get("organizations", orgId))!.name;
    });
    expect(name).toBe("Org org_a");
  });

  test("a deleted document reads as null", async () => {
    const t = newTest();
    const found = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a");
      const db = withReadCache(ctx.db);
      await db.get("organizations", orgId);
      await db.delete("organizations", orgId);
      return db.get("organizations", orgId);
    });
    expect(found).toBeNull();
  });

  test("documents found by a query are served from the cache afterwards", async () => {
    const t = newTest();
    const reads = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a");
      const db = withReadCache(ctx.db);
      await db.query("organizations").collect();
      const before = (await ctx.meta.getTransactionMetrics()).documentsRead.used;
      await db.get("organizations", orgId);
      return (await ctx.meta.getTransactionMetrics()).documentsRead.used - before;
    });
    expect(reads).toBe(0);
  });
});

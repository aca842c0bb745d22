import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { TENANT_TABLES } from "../../convex/model/tenantRows";
import { PURGE_BATCH_SIZE } from "../../convex/purge";
import { deletedEvent, deliverClerkEvent, setUpClerkWebhookEnvironment } from "../fixtures/clerk";
import { identity } from "../fixtures/identities";
import { insertOrg, insertTenantRows, seedTwoOrgs, type TenantRows } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

type OrgId = Id<"organizations">;

/** insertTenantRows puts one row in each of these tables. */
const ROWS_PER_TENANT_SET = TENANT_TABLES.length;
const MESSAGES = 1_200;
const INSERT_CHUNK = 400;

let t: TestConvex;

setUpClerkWebhookEnvironment();

beforeEach(() => {
  t = newTest();
});

/** Extra messages in the org's existing session, inserted in chunks to keep each transaction small. */
async function insertMessages(orgId: OrgId, rows: TenantRows, count: number) {
  for (let start = 0; start < count; start += INSERT_CHUNK) {
    await t.run(async (ctx) => {
      for (let i = start; i < Math.min(start + INSERT_CHUNK, count); i++) {
        await ctx.db.insert("messages", {
          orgId,
          sessionId: rows.sessionId,
          agentId: rows.agentId,
          direction: i % 2 === 0 ? "in" : "out",
          author: i % 2 === 0 ? "customer" : "bot",
          text: `message ${i}`,
          sentAt: 1_700_000_000_000 + i * 1_000,
          delivery: "delivered",
        });
      }
    });
  }
}

async function tenantRowCounts(orgId: OrgId): Promise<Record<string, number>> {
  return t.run(async (ctx) => {
    const counts: Record<string, number> = {};
    for (const table of TENANT_TABLES) {
      counts[table] = (await ctx.db.query(table).collect()).filter((row) => row.orgId === orgId).length;
    }
    return counts;
  });
}

const totalRows = async (orgId: OrgId) => Object.values(await tenantRowCounts(orgId)).reduce((sum, n) => sum + n, 0);

const scheduledPurges = () =>
  t.run(async (ctx) => (await ctx.db.system.query("_scheduled_functions").collect()).filter((job) => job.name.includes("purgeOrganizationBatch")));

const purgeBatch = (orgId: OrgId) => t.mutation(internal.purge.purgeOrganizationBatch, { orgId });

async function seedTwoOrgsWithMessages() {
  const seeded = await seedTwoOrgs(t);
  await insertMessages(seeded.orgA, seeded.rowsA, MESSAGES);
  await insertMessages(seeded.orgB, seeded.rowsB, 10);
  return seeded;
}

async function deleteThroughWebhook(externalId: string) {
  const response = await deliverClerkEvent(t, deletedEvent("organization.deleted", externalId));
  expect(response).toEqual({ status: 200, body: { success: true, duplicate: false } });
}

const adminOf = (orgId: string) => t.withIdentity(identity({ userId: "user_alice", orgId, role: "org:admin" }));

describe("organization.deleted", () => {
  test("makes the guard refuse the organization before any purge batch runs", async () => {
    const { orgA } = await seedTwoOrgsWithMessages();
    await expect(adminOf("org_a").query(api.organizations.current, { orgId: "org_a" })).resolves.toMatchObject({ externalId: "org_a" });

    await deleteThroughWebhook("org_a");

    await expect(adminOf("org_a").query(api.organizations.current, { orgId: "org_a" })).rejects.toMatchObject({
      data: { code: "ORG_NOT_FOUND" },
    });
    await expect(adminOf("org_a").query(api.organizations.members, { orgId: "org_a" })).rejects.toMatchObject({
      data: { code: "ORG_NOT_FOUND" },
    });
    // Nothing has been purged yet: the refusal comes from the tombstone alone.
    expect((await tenantRowCounts(orgA)).messages).toBe(MESSAGES + 1);
    expect(await scheduledPurges()).toEqual([expect.objectContaining({ args: [{ orgId: orgA }], state: { kind: "pending" } })]);
    expect(await t.run((ctx) => ctx.db.get("organizations", orgA))).toMatchObject({ deletedAt: expect.any(Number) });
    expect(await t.run((ctx) => ctx.db.get("organizations", orgA))).not.toHaveProperty("purgedAt");
  });

  test("purges more than a thousand rows in scheduled batches and leaves other orgs untouched", async () => {
    const { orgA, orgB } = await seedTwoOrgsWithMessages();
    const orgBBefore = await tenantRowCounts(orgB);
    // The seeded rows, the extra messages and the audit row of the deletion itself.
    const toPurge = ROWS_PER_TENANT_SET + MESSAGES + 1;
    expect(await totalRows(orgA)).toBe(toPurge - 1);

    await deleteThroughWebhook("org_a");
    await t.finishAllScheduledFunctions(vi.runAllTimers);

    expect(await totalRows(orgA)).toBe(0);
    expect(await t.run((ctx) => ctx.db.get("organizations", orgA))).toMatchObject({
      deletedAt: expect.any(Number),
      purgedAt: expect.any(Number),
    });
    const batches = await scheduledPurges();
    expect(batches).toHaveLength(Math.ceil(toPurge / PURGE_BATCH_SIZE));
    expect(batches.every((job) => job.state.kind === "success")).toBe(true);

    expect(await tenantRowCounts(orgB)).toEqual(orgBBefore);
    await expect(adminOf("org_b").query(api.organizations.current, { orgId: "org_b" })).resolves.toMatchObject({ externalId: "org_b" });
  });

  test("a repeated deletion schedules no second purge", async () => {
    const { orgA } = await seedTwoOrgsWithMessages();
    await deleteThroughWebhook("org_a");
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const batches = (await scheduledPurges()).length;

    await deleteThroughWebhook("org_a");
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await scheduledPurges()).toHaveLength(batches);
    expect(await totalRows(orgA)).toBe(0);
  });
});

describe("purgeOrganizationBatch", () => {
  async function seedDeletedOrg(messages: number) {
    const { orgId, rows } = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_gone", { deletedAt: Date.now() });
      return { orgId, rows: await insertTenantRows(ctx, orgId) };
    });
    await insertMessages(orgId, rows, messages);
    return orgId;
  }

  test("never deletes more than a batch per call and reports done only after the last one", async () => {
    const orgId = await seedDeletedOrg(MESSAGES);
    const results = [];
    let remaining = await totalRows(orgId);
    expect(remaining).toBe(ROWS_PER_TENANT_SET + MESSAGES);
    for (let call = 0; call < 10; call++) {
      const result = await purgeBatch(orgId);
      const left = await totalRows(orgId);
      expect(result.deleted).toBeLessThanOrEqual(PURGE_BATCH_SIZE);
      expect(remaining - left).toBe(result.deleted);
      remaining = left;
      results.push(result);
      if (result.done) break;
    }
    expect(results).toEqual([
      { deleted: 500, done: false },
      { deleted: 500, done: false },
      { deleted: ROWS_PER_TENANT_SET + MESSAGES - 1_000, done: true },
    ]);
    expect(remaining).toBe(0);
    expect(await t.run((ctx) => ctx.db.get("organizations", orgId))).toMatchObject({ purgedAt: expect.any(Number) });
  });

  test("schedules its own next batch until the org is empty", async () => {
    const orgId = await seedDeletedOrg(MESSAGES);
    await purgeBatch(orgId);
    expect(await scheduledPurges()).toEqual([expect.objectContaining({ args: [{ orgId }], state: { kind: "pending" } })]);
  });

  test("an org with exactly one batch of rows is finished by a second, empty call", async () => {
    const orgId = await seedDeletedOrg(PURGE_BATCH_SIZE - ROWS_PER_TENANT_SET);
    expect(await purgeBatch(orgId)).toEqual({ deleted: PURGE_BATCH_SIZE, done: false });
    expect(await purgeBatch(orgId)).toEqual({ deleted: 0, done: true });
    expect(await t.run((ctx) => ctx.db.get("organizations", orgId))).toMatchObject({ purgedAt: expect.any(Number) });
  });

  test("a batch for an org that is already purged deletes nothing", async () => {
    const orgId = await seedDeletedOrg(0);
    expect(await purgeBatch(orgId)).toEqual({ deleted: ROWS_PER_TENANT_SET, done: true });
    const purgedAt = (await t.run((ctx) => ctx.db.get("organizations", orgId)))?.purgedAt;
    await t.run((ctx) => insertTenantRows(ctx, orgId, "_late"));

    expect(await purgeBatch(orgId)).toEqual({ deleted: 0, done: true });
    expect(await totalRows(orgId)).toBe(ROWS_PER_TENANT_SET);
    expect((await t.run((ctx) => ctx.db.get("organizations", orgId)))?.purgedAt).toBe(purgedAt);
  });

  test("a batch for an org that is not deleted deletes nothing", async () => {
    const { orgA, orgB } = await seedTwoOrgsWithMessages();
    const before = { a: await tenantRowCounts(orgA), b: await tenantRowCounts(orgB) };

    expect(await purgeBatch(orgA)).toEqual({ deleted: 0, done: true });
    expect({ a: await tenantRowCounts(orgA), b: await tenantRowCounts(orgB) }).toEqual(before);
    expect(await t.run((ctx) => ctx.db.get("organizations", orgA))).not.toHaveProperty("purgedAt");
    expect(await scheduledPurges()).toEqual([]);
  });

  test("a batch for one deleted org leaves another org's rows alone", async () => {
    const { orgA, orgB } = await seedTwoOrgsWithMessages();
    await t.run((ctx) => ctx.db.patch("organizations", orgA, { deletedAt: Date.now() }));
    const orgBBefore = await tenantRowCounts(orgB);

    expect(await purgeBatch(orgA)).toEqual({ deleted: PURGE_BATCH_SIZE, done: false });
    expect(await tenantRowCounts(orgB)).toEqual(orgBBefore);
  });
});

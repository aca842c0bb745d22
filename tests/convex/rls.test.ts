import { anyApi } from "convex/server";
import { beforeEach, describe, expect, test } from "vitest";
import { identity } from "../fixtures/identities";
import { insertUser, seedTwoOrgs } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

const probes = { "../../convex/rlsProbes.ts": () => import("./rls-probes") };
const rlsProbes = anyApi.rlsProbes;

let t: TestConvex;
let seeded: Awaited<ReturnType<typeof seedTwoOrgs>>;
const memberOfA = () => t.withIdentity(identity({ orgId: "org_a", role: "org:admin" }));

beforeEach(async () => {
  t = newTest(probes);
  seeded = await seedTwoOrgs(t);
});

describe("reading another organization's rows", () => {
  test("a get by id of another org's agent returns nothing", async () => {
    expect(await memberOfA().query(rlsProbes.readAgentById, { orgId: "org_a", agentId: seeded.rowsB.agentId })).toBeNull();
  });

  test("a get by id of the org's own agent still works", async () => {
    const agent = await memberOfA().query(rlsProbes.readAgentById, { orgId: "org_a", agentId: seeded.rowsA.agentId });
    expect(agent).toMatchObject({ _id: seeded.rowsA.agentId });
  });

  test("an unfiltered table scan returns only the org's own rows", async () => {
    const orgIds = await memberOfA().query(rlsProbes.listAllAgents, { orgId: "org_a" });
    expect(orgIds).toEqual([seeded.orgA]);
  });

  test("another organization's document is invisible", async () => {
    expect(await memberOfA().query(rlsProbes.readOrganizationById, { orgId: "org_a", id: seeded.orgB })).toBeNull();
  });

  test("a user who is not a member of the org is invisible", async () => {
    const outsider = await t.run((ctx) => insertUser(ctx, "user_outsider"));
    expect(await memberOfA().query(rlsProbes.readUserById, { orgId: "org_a", id: outsider })).toBeNull();
  });

  test("a member of the org is visible", async () => {
    const member = await memberOfA().query(rlsProbes.readUserById, { orgId: "org_a", id: seeded.rowsA.userId });
    expect(member).toMatchObject({ _id: seeded.rowsA.userId });
  });

  test("tables without an org (webhook deliveries) are invisible to org functions", async () => {
    await t.run((ctx) => ctx.db.insert("webhookDeliveries", { provider: "clerk", deliveryId: "msg_1", receivedAt: 0 }));
    expect(await memberOfA().query(rlsProbes.listWebhookDeliveries, { orgId: "org_a" })).toBe(0);
  });
});

describe("writing another organization's rows", () => {
  test("patching another org's agent is refused and changes nothing", async () => {
    const attempt = memberOfA().mutation(rlsProbes.renameAgent, { orgId: "org_a", agentId: seeded.rowsB.agentId, name: "pwned" });
    await expect(attempt).rejects.toThrow("no read access or doc does not exist");
    const agent = await t.run((ctx) => ctx.db.get("agents", seeded.rowsB.agentId));
    expect(agent?.name).toBe("Sales bot");
  });

  test("deleting another org's agent is refused and changes nothing", async () => {
    await expect(memberOfA().mutation(rlsProbes.deleteAgent, { orgId: "org_a", agentId: seeded.rowsB.agentId })).rejects.toThrow(
      "no read access or doc does not exist",
    );
    expect(await t.run((ctx) => ctx.db.get("agents", seeded.rowsB.agentId))).not.toBeNull();
  });

  test("inserting a row into another org is refused", async () => {
    await expect(memberOfA().mutation(rlsProbes.insertAuditEntryFor, { orgId: "org_a", targetOrg: seeded.orgB })).rejects.toThrow(
      "insert access not allowed",
    );
    const entries = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(entries.filter((entry) => entry.action === "probe")).toHaveLength(0);
  });

  test("patching the org's own agent is allowed", async () => {
    await memberOfA().mutation(rlsProbes.renameAgent, { orgId: "org_a", agentId: seeded.rowsA.agentId, name: "Renamed" });
    expect((await t.run((ctx) => ctx.db.get("agents", seeded.rowsA.agentId)))?.name).toBe("Renamed");
  });
});

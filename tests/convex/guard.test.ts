import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { allRows } from "../fixtures/all-rows";
import { identity, identityWithRole } from "../fixtures/identities";
import { insertOrg, insertTenantRows, insertUser } from "../fixtures/rows";
import { newTest } from "./setup";

async function withOrgs(...externalIds: string[]) {
  const t = newTest();
  await t.run(async (ctx) => {
    for (const externalId of externalIds) await insertOrg(ctx, externalId);
  });
  return t;
}

describe("claim shapes", () => {
  test.each(["template", "v2", "flattened"] as const)("accepts the %s shape and reads its role", async (shape) => {
    const t = await withOrgs("org_a");
    const org = await t.withIdentity(identity({ shape, role: "org:admin" })).query(api.organizations.current, { orgId: "org_a" });
    expect(org).toMatchObject({ externalId: "org_a", role: "admin" });
  });

  test.each([
    ["org:admin", "admin"],
    ["admin", "admin"],
    ["org:owner", "owner"],
    ["owner", "owner"],
    ["org:member", "member"],
  ])("maps the role %s to %s", async (raw, role) => {
    const t = await withOrgs("org_a");
    const org = await t.withIdentity(identity({ shape: "v2", role: raw })).query(api.organizations.current, { orgId: "org_a" });
    expect(org.role).toBe(role);
  });

  test("treats a token without a role as a member", async () => {
    const t = await withOrgs("org_a");
    const org = await t.withIdentity(identity({ role: null })).query(api.organizations.current, { orgId: "org_a" });
    expect(org.role).toBe("member");
  });
});

describe("organization lookup", () => {
  test("refuses an organization that was never provisioned", async () => {
    const t = newTest();
    const query = t.withIdentity(identity()).query(api.organizations.current, { orgId: "org_a" });
    await expect(query).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
  });

  test("refuses a deleted organization", async () => {
    const t = newTest();
    await t.run((ctx) => insertOrg(ctx, "org_a", { deletedAt: Date.now() }));
    const query = t.withIdentity(identity()).query(api.organizations.current, { orgId: "org_a" });
    await expect(query).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
  });

  test("checks the org match before revealing whether an organization exists", async () => {
    const t = newTest();
    const query = t.withIdentity(identity({ orgId: "org_a" })).query(api.organizations.current, { orgId: "org_missing" });
    await expect(query).rejects.toMatchObject({ data: { code: "ORG_MISMATCH" } });
  });
});

describe("roles", () => {
  test("refuses a member on an admin mutation", async () => {
    const t = await withOrgs("org_a");
    const attempt = t.withIdentity(identityWithRole("member")).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "UTC" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  test("refuses a member on an admin query", async () => {
    const t = await withOrgs("org_a");
    const attempt = t.withIdentity(identityWithRole("member")).query(api.organizations.auditLog, {
      orgId: "org_a",
      paginationOpts: { numItems: 10, cursor: null },
    });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  test.each(["admin", "owner"] as const)("allows an %s on admin functions", async (role) => {
    const t = await withOrgs("org_a");
    const caller = t.withIdentity(identityWithRole(role));
    await expect(caller.mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "UTC" })).resolves.toEqual({ timezone: "UTC" });
    const page = await caller.query(api.organizations.auditLog, { orgId: "org_a", paginationOpts: { numItems: 10, cursor: null } });
    expect(page.page).toHaveLength(1);
  });

  test("allows a member on member functions", async () => {
    const t = await withOrgs("org_a");
    await expect(t.withIdentity(identityWithRole("member")).query(api.organizations.members, { orgId: "org_a" })).resolves.toEqual([]);
  });
});

describe("a token that outlives its membership", () => {
  async function memberOfOrgA(change: "removed" | "userDeleted" | null) {
    const t = newTest();
    await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a");
      const userId = await insertUser(ctx, "user_member");
      await ctx.db.insert("memberships", { orgId, userId, role: "member", ...(change === "removed" ? { deletedAt: 1 } : {}) });
      if (change === "userDeleted") await ctx.db.patch("users", userId, { deletedAt: 1 });
    });
    // An admin's token, so the refusal can only come from the membership, never from the role.
    return t.withIdentity(identity({ userId: "user_member", orgId: "org_a", role: "org:admin" }));
  }

  test("a current member is let in", async () => {
    const caller = await memberOfOrgA(null);
    await expect(caller.query(api.organizations.current, { orgId: "org_a" })).resolves.toMatchObject({ externalId: "org_a" });
  });

  test("a removed member's query is refused with FORBIDDEN", async () => {
    const caller = await memberOfOrgA("removed");
    await expect(caller.query(api.organizations.current, { orgId: "org_a" })).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  test("a removed member's mutation is refused with FORBIDDEN", async () => {
    const caller = await memberOfOrgA("removed");
    await expect(caller.mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "Asia/Tokyo" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  test("a removed member's action is refused with FORBIDDEN", async () => {
    const caller = await memberOfOrgA("removed");
    await expect(caller.action(api.agentGateway.create, { orgId: "org_a", name: "Vendas" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  test("a deleted user is refused with UNAUTHENTICATED", async () => {
    const caller = await memberOfOrgA("userDeleted");
    await expect(caller.query(api.organizations.current, { orgId: "org_a" })).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });
});

describe("org-scoped internal functions", () => {
  async function deletedOrgWithAgent() {
    const t = newTest();
    const ids = await t.run(async (ctx) => {
      const orgId = await insertOrg(ctx, "org_a", { deletedAt: 1 });
      return { orgId, agentId: (await insertTenantRows(ctx, orgId)).agentId };
    });
    return { t, ...ids };
  }

  test("an internal mutation for a deleted organization is refused with ORG_NOT_FOUND and writes nothing", async () => {
    const { t, orgId, agentId } = await deletedOrgWithAgent();
    const before = await allRows(t);
    const change = { kind: "qr" as const, qrCode: "data:image/png;base64,AAAA" };
    await expect(t.mutation(internal.whatsapp.ingest, { orgId, agentId, change })).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
    expect(await allRows(t)).toEqual(before);
  });

  test("an internal query for a deleted organization is refused with ORG_NOT_FOUND", async () => {
    const { t, orgId, agentId } = await deletedOrgWithAgent();
    await expect(t.query(internal.agentGateway.instanceOf, { orgId, agentId })).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
  });

  test("an internal query cannot reach another organization's rows", async () => {
    const t = newTest();
    const { orgA, agentB } = await t.run(async (ctx) => {
      const orgA = await insertOrg(ctx, "org_a");
      const orgB = await insertOrg(ctx, "org_b");
      return { orgA, agentB: (await insertTenantRows(ctx, orgB)).agentId };
    });
    await expect(t.query(internal.agentGateway.instanceOf, { orgId: orgA, agentId: agentB })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

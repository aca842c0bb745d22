import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { identity, identityWithRole } from "../fixtures/identities";
import { insertOrg, insertUser, seedTwoOrgs } from "../fixtures/rows";
import { newTest } from "./setup";

const admin = identityWithRole("admin", "org_a", "user_admin");

async function orgWithAdmin() {
  const t = newTest();
  const { orgId, adminUserId } = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, "org_a");
    const adminUserId = await insertUser(ctx, "user_admin");
    await ctx.db.insert("memberships", { orgId, userId: adminUserId, role: "admin" });
    return { orgId, adminUserId };
  });
  return { t, orgId, adminUserId };
}

describe("current", () => {
  test("returns the URL's organization with the default São Paulo timezone", async () => {
    const { t } = await orgWithAdmin();
    const org = await t.withIdentity(admin).query(api.organizations.current, { orgId: "org_a" });
    expect(org).toEqual({
      externalId: "org_a",
      name: "Org org_a",
      slug: "org_a",
      timezone: "America/Sao_Paulo",
      role: "admin",
      businessHours: null,
      defaultBotLanguage: "auto",
    });
  });
});

describe("setTimezone", () => {
  test("accepts America/Sao_Paulo", async () => {
    const { t } = await orgWithAdmin();
    await t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "America/New_York" });
    const result = await t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "America/Sao_Paulo" });
    expect(result).toEqual({ timezone: "America/Sao_Paulo" });
  });

  test("refuses Mars/Olympus and changes nothing", async () => {
    const { t, orgId } = await orgWithAdmin();
    const attempt = t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "Mars/Olympus" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect((await t.run((ctx) => ctx.db.get("organizations", orgId)))?.timezone).toBe("America/Sao_Paulo");
  });

  test("refuses a raw UTC offset", async () => {
    const { t } = await orgWithAdmin();
    const attempt = t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "-03:00" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
  });

  test("stores the zone and records who changed it", async () => {
    const { t, orgId, adminUserId } = await orgWithAdmin();
    await t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "Asia/Kolkata" });
    const { org, audit } = await t.run(async (ctx) => ({
      org: await ctx.db.get("organizations", orgId),
      audit: await ctx.db.query("auditLog").collect(),
    }));
    expect(org?.timezone).toBe("Asia/Kolkata");
    expect(audit).toEqual([expect.objectContaining({ orgId, actorUserId: adminUserId, action: "organization.timezone_changed" })]);
  });

  test("writes no audit entry when the zone does not change", async () => {
    const { t } = await orgWithAdmin();
    await t.withIdentity(admin).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "America/Sao_Paulo" });
    expect(await t.run((ctx) => ctx.db.query("auditLog").collect())).toHaveLength(0);
  });
});

describe("members", () => {
  test("lists the org's members with their roles, marking the viewer", async () => {
    const { t } = await orgWithAdmin();
    const members = await t.withIdentity(admin).query(api.organizations.members, { orgId: "org_a" });
    expect(members).toEqual([
      { userId: expect.any(String), externalId: "user_admin", name: "Name user_admin", email: "user_admin@example.com", imageUrl: null, role: "admin", isViewer: true },
    ]);
  });

  test("never lists another organization's members", async () => {
    const t = newTest();
    const { rowsA } = await seedTwoOrgs(t);
    const members = await t.withIdentity(identity({ orgId: "org_a" })).query(api.organizations.members, { orgId: "org_a" });
    expect(members.map((member) => member.userId)).toEqual([rowsA.userId]);
  });

  test("leaves out removed memberships", async () => {
    const { t, orgId } = await orgWithAdmin();
    await t.run(async (ctx) => {
      const userId = await insertUser(ctx, "user_gone");
      await ctx.db.insert("memberships", { orgId, userId, role: "member", deletedAt: 1 });
    });
    const members = await t.withIdentity(admin).query(api.organizations.members, { orgId: "org_a" });
    expect(members.map((member) => member.name)).toEqual(["Name user_admin"]);
  });
});

describe("auditLog", () => {
  test("pages through the org's entries newest first", async () => {
    const { t, orgId, adminUserId } = await orgWithAdmin();
    await t.run(async (ctx) => {
      for (let i = 0; i < 5; i++) {
        await ctx.db.insert("auditLog", { orgId, actorUserId: adminUserId, action: `action.${i}`, target: "x", at: 1000 + i });
      }
    });
    const caller = t.withIdentity(admin);
    const first = await caller.query(api.organizations.auditLog, { orgId: "org_a", paginationOpts: { numItems: 3, cursor: null } });
    const second = await caller.query(api.organizations.auditLog, {
      orgId: "org_a",
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    });
    expect(first.page.map((entry) => entry.action)).toEqual(["action.4", "action.3", "action.2"]);
    expect(second.page.map((entry) => entry.action)).toEqual(["action.1", "action.0"]);
    expect(second.isDone).toBe(true);
    expect(first.page[0].actorName).toBe("Name user_admin");
  });

  test("names each target in words at read time, keeps the raw target, and links what has a page", async () => {
    const t = newTest();
    const { orgA, rowsA } = await seedTwoOrgs(t);
    const targets = [`agent:${rowsA.agentId}`, `session:${rowsA.sessionId}`, `user:user_member_${orgA}`, "organization:org_a", "timezone:America/Recife", `label:${rowsA.labelId}`];
    await t.run(async (ctx) => {
      await ctx.db.patch("contacts", rowsA.contactId, { name: "João Pereira" });
      for (const [i, target] of targets.entries()) await ctx.db.insert("auditLog", { orgId: orgA, action: "test.target", target, at: 2_000_000_000_000 + i });
    });
    const page = await t
      .withIdentity(identityWithRole("admin", "org_a"))
      .query(api.organizations.auditLog, { orgId: "org_a", paginationOpts: { numItems: 6, cursor: null } });
    expect(page.page.map((entry) => entry.target).reverse()).toEqual([
      { kind: "agent", label: "Sales bot", path: `/org/org_a/agents/${rowsA.agentId}`, raw: targets[0] },
      { kind: "conversation", label: "João Pereira", path: `/org/org_a/conversations/${rowsA.sessionId}`, raw: targets[1] },
      { kind: "member", label: expect.any(String), path: null, raw: targets[2] },
      { kind: "organization", label: expect.any(String), path: null, raw: "organization:org_a" },
      { kind: "timezone", label: "America/Recife", path: null, raw: "timezone:America/Recife" },
      { kind: "label", label: "Hot lead", path: null, raw: targets[5] },
    ]);
  });

  test("never lends a name from another organization, a deleted row or a malformed id", async () => {
    const t = newTest();
    const { orgA, rowsB } = await seedTwoOrgs(t);
    const targets = [`agent:${rowsB.agentId}`, `session:${rowsB.sessionId}`, "agent:not-an-id", "organization:org_b", "mystery"];
    await t.run(async (ctx) => {
      for (const [i, target] of targets.entries()) await ctx.db.insert("auditLog", { orgId: orgA, action: "test.target", target, at: 2_000_000_000_000 + i });
    });
    const page = await t
      .withIdentity(identityWithRole("admin", "org_a"))
      .query(api.organizations.auditLog, { orgId: "org_a", paginationOpts: { numItems: 5, cursor: null } });
    expect(page.page.map((entry) => [entry.target.label, entry.target.path])).toEqual(targets.map(() => [null, null]));
    expect(page.page[0].target).toEqual({ kind: "other", label: null, path: null, raw: "mystery" });
  });

  test("never shows another organization's entries", async () => {
    const t = newTest();
    await seedTwoOrgs(t);
    const page = await t
      .withIdentity(identityWithRole("admin", "org_a"))
      .query(api.organizations.auditLog, { orgId: "org_a", paginationOpts: { numItems: 50, cursor: null } });
    expect(page.page).toHaveLength(1);
  });
});

describe("recordTeamChange", () => {
  test("records the change with the caller as actor", async () => {
    const { t, orgId, adminUserId } = await orgWithAdmin();
    await t.withIdentity(admin).mutation(api.organizations.recordTeamChange, {
      orgId: "org_a",
      action: "team.invited",
      target: "invitation:carla@acme.example",
    });
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit).toEqual([
      expect.objectContaining({ orgId, actorUserId: adminUserId, action: "team.invited", target: "invitation:carla@acme.example" }),
    ]);
  });

  test("refuses a member with FORBIDDEN and records nothing", async () => {
    const { t, orgId } = await orgWithAdmin();
    await t.run(async (ctx) => {
      const userId = await insertUser(ctx, "user_member");
      await ctx.db.insert("memberships", { orgId, userId, role: "member" });
    });
    const attempt = t
      .withIdentity(identityWithRole("member", "org_a", "user_member"))
      .mutation(api.organizations.recordTeamChange, { orgId: "org_a", action: "team.member_removed", target: "user:user_admin" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await t.run((ctx) => ctx.db.query("auditLog").collect())).toEqual([]);
  });

  test.each(["carla@acme.example", "user:", "invitation:not-an-email", "user:a b", `user:${"a".repeat(400)}`])(
    "refuses the target %s with INVALID_ARGUMENT",
    async (target) => {
      const { t } = await orgWithAdmin();
      const attempt = t.withIdentity(admin).mutation(api.organizations.recordTeamChange, { orgId: "org_a", action: "team.role_changed", target });
      await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    },
  );

  test("refuses an action outside the team's", async () => {
    const { t } = await orgWithAdmin();
    const attempt = t
      .withIdentity(admin)
      // @ts-expect-error: not a team action
      .mutation(api.organizations.recordTeamChange, { orgId: "org_a", action: "organization.deleted", target: "user:user_admin" });
    await expect(attempt).rejects.toThrow();
  });
});

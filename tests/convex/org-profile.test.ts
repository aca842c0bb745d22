import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import type { OpeningInterval } from "../../lib/business-hours";
import { identityWithRole } from "../fixtures/identities";
import { insertOrg, insertUser } from "../fixtures/rows";
import { agentRow, createAgent, orgWithAdmin as agentScene } from "./agents-setup";
import { newTest, type TestConvex } from "./setup";

const admin = identityWithRole("admin", "org_a", "user_admin");
const member = identityWithRole("member", "org_a", "user_member");

const WEEK: OpeningInterval[] = [
  { day: 2, opens: "13:00", closes: "18:00" },
  { day: 1, opens: "09:00", closes: "12:00" },
  { day: 2, opens: "09:00", closes: "12:00" },
];

async function orgWithTeam() {
  const t = newTest();
  const { orgId, adminUserId } = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, "org_a");
    const adminUserId = await insertUser(ctx, "user_admin");
    const memberUserId = await insertUser(ctx, "user_member");
    await ctx.db.insert("memberships", { orgId, userId: adminUserId, role: "admin" });
    await ctx.db.insert("memberships", { orgId, userId: memberUserId, role: "member" });
    return { orgId, adminUserId };
  });
  return { t, orgId, adminUserId, asAdmin: t.withIdentity(admin), asMember: t.withIdentity(member) };
}

async function profileRows(t: TestConvex, orgId: Id<"organizations">) {
  return t.run(async (ctx) => {
    const org = await ctx.db.get("organizations", orgId);
    return {
      businessHours: org?.businessHours,
      defaultBotLanguage: org?.defaultBotLanguage,
      audit: (await ctx.db.query("auditLog").collect()).map(({ action, target, actorUserId }) => ({ action, target, actorUserId })),
    };
  });
}

describe("current", () => {
  test("returns no business hours and the automatic bot language until they are set", async () => {
    const { asMember } = await orgWithTeam();
    const org = await asMember.query(api.organizations.current, { orgId: "org_a" });
    expect(org).toMatchObject({ businessHours: null, defaultBotLanguage: "auto" });
  });

  test("returns the hours and language once set, to members too", async () => {
    const { asAdmin, asMember } = await orgWithTeam();
    await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: WEEK });
    await asAdmin.mutation(api.organizations.setDefaultBotLanguage, { orgId: "org_a", language: "en" });
    const org = await asMember.query(api.organizations.current, { orgId: "org_a" });
    expect(org.defaultBotLanguage).toBe("en");
    expect(org.businessHours).toHaveLength(3);
  });
});

describe("setBusinessHours", () => {
  test("stores the week sorted by day and opening time, and records who changed it", async () => {
    const { t, orgId, adminUserId, asAdmin } = await orgWithTeam();
    const result = await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: WEEK });
    const sorted = [WEEK[1], WEEK[2], WEEK[0]];
    expect(result).toEqual({ hours: sorted });
    expect(await profileRows(t, orgId)).toMatchObject({
      businessHours: sorted,
      audit: [{ action: "organization.business_hours_changed", target: "organization:org_a", actorUserId: adminUserId }],
    });
  });

  test("clears the hours when no day is open", async () => {
    const { t, orgId, asAdmin } = await orgWithTeam();
    await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: WEEK });
    const result = await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: [] });
    const rows = await profileRows(t, orgId);
    expect(result).toEqual({ hours: null });
    expect(rows.businessHours).toBeUndefined();
    expect(rows.audit.map((entry) => entry.action)).toEqual(["organization.business_hours_changed", "organization.business_hours_cleared"]);
  });

  test("writes no audit entry when the week does not change", async () => {
    const { t, orgId, asAdmin } = await orgWithTeam();
    await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: WEEK });
    await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: [...WEEK].reverse() });
    expect((await profileRows(t, orgId)).audit).toHaveLength(1);
  });

  test("refuses a member with FORBIDDEN and writes nothing", async () => {
    const { t, orgId, asMember } = await orgWithTeam();
    const before = await profileRows(t, orgId);
    const attempt = asMember.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: WEEK });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await profileRows(t, orgId)).toEqual(before);
  });

  test.each([
    ["a time that is not HH:MM", [{ day: 1, opens: "9h", closes: "18:00" }]],
    ["an interval that closes before it opens", [{ day: 1, opens: "18:00", closes: "09:00" }]],
    ["overlapping intervals", [{ day: 3, opens: "09:00", closes: "13:00" }, { day: 3, opens: "12:00", closes: "18:00" }]],
    [
      "four intervals on one day",
      ["08", "10", "12", "14"].map((hour) => ({ day: 4, opens: `${hour}:00`, closes: `${hour}:30` })),
    ],
  ] as [string, OpeningInterval[]][])("refuses %s with INVALID_ARGUMENT and writes nothing", async (_, hours) => {
    const { t, orgId, asAdmin } = await orgWithTeam();
    await asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours: WEEK });
    const before = await profileRows(t, orgId);
    const attempt = asAdmin.mutation(api.organizations.setBusinessHours, { orgId: "org_a", hours });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await profileRows(t, orgId)).toEqual(before);
  });
});

describe("setDefaultBotLanguage", () => {
  test("stores the language and records who changed it", async () => {
    const { t, orgId, adminUserId, asAdmin } = await orgWithTeam();
    expect(await asAdmin.mutation(api.organizations.setDefaultBotLanguage, { orgId: "org_a", language: "pt" })).toEqual({ language: "pt" });
    expect(await profileRows(t, orgId)).toMatchObject({
      defaultBotLanguage: "pt",
      audit: [{ action: "organization.default_bot_language_changed", target: "organization:org_a", actorUserId: adminUserId }],
    });
  });

  test("writes no audit entry when the language does not change", async () => {
    const { t, orgId, asAdmin } = await orgWithTeam();
    await asAdmin.mutation(api.organizations.setDefaultBotLanguage, { orgId: "org_a", language: "auto" });
    expect((await profileRows(t, orgId)).audit).toHaveLength(0);
  });

  test("refuses a member with FORBIDDEN and writes nothing", async () => {
    const { t, orgId, asMember } = await orgWithTeam();
    const before = await profileRows(t, orgId);
    const attempt = asMember.mutation(api.organizations.setDefaultBotLanguage, { orgId: "org_a", language: "en" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await profileRows(t, orgId)).toEqual(before);
  });

  test("refuses a language the bot does not speak before the handler runs, writing nothing", async () => {
    const { t, orgId, asAdmin } = await orgWithTeam();
    const before = await profileRows(t, orgId);
    const attempt = asAdmin.mutation(api.organizations.setDefaultBotLanguage, { orgId: "org_a", language: "fr" as "pt" });
    await expect(attempt).rejects.toThrow(/Validator error/);
    expect(await profileRows(t, orgId)).toEqual(before);
  });
});

describe("new agents", () => {
  test("start with the organization's default bot language", async () => {
    const scene = await agentScene();
    await scene.t.run((ctx) => ctx.db.patch("organizations", scene.orgId, { defaultBotLanguage: "en" }));
    const { agentId } = await createAgent(scene);
    const agent = await agentRow(scene.t, agentId);
    expect(agent?.language).toBe("en");
    expect(agent?.persona).toMatch(/^I'm/);
  });

  test("answer in the customer's language when the organization set none", async () => {
    const scene = await agentScene();
    const { agentId } = await createAgent(scene);
    expect((await agentRow(scene.t, agentId))?.language).toBe("auto");
  });
});

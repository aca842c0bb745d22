import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { LOCAL_CLERK_INSTANCE_ID } from "../../lib/clerk/events";
import { allRows } from "../fixtures/all-rows";
import { deliverClerkEvent, organizationEvent, setUpClerkWebhookEnvironment } from "../fixtures/clerk";
import { identity } from "../fixtures/identities";
import { insertOrg } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

/**
 * SECURITY 9b: a deployment that trusts both Clerk and the local issuer keeps their organizations
 * apart. Org ids are only unique per issuer, so a local token naming a Clerk org is refused.
 */

const CLERK_ISSUER = "https://clerk.test";
const LOCAL_ISSUER = "http://localhost:3000/api/local-auth";

const clerkOwner = identity({ userId: "user_olivia", orgId: "org_a", role: "org:owner" });
const localImpostor = { ...identity({ userId: "user_mallory", orgId: "org_a", role: "org:owner" }), issuer: LOCAL_ISSUER, tokenIdentifier: `${LOCAL_ISSUER}|user_mallory` };

async function orgOf(t: TestConvex, issuer: string | undefined) {
  await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, "org_a");
    if (issuer !== undefined) await ctx.db.patch("organizations", orgId, { issuer });
  });
}

const orgRow = (t: TestConvex, externalId = "org_a") =>
  t.run((ctx) => ctx.db.query("organizations").withIndex("by_externalId", (q) => q.eq("externalId", externalId)).unique());

describe("the guard", () => {
  test("refuses a token from another issuer in an organization bound to Clerk", async () => {
    const t = newTest();
    await orgOf(t, CLERK_ISSUER);
    const attempt = t.withIdentity(localImpostor).query(api.organizations.current, { orgId: "org_a" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
  });

  test("refuses another issuer's token on a mutation and writes nothing", async () => {
    const t = newTest();
    await orgOf(t, CLERK_ISSUER);
    const before = await allRows(t);
    const attempt = t.withIdentity(localImpostor).mutation(api.organizations.setTimezone, { orgId: "org_a", timezone: "UTC" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
    expect(await allRows(t)).toEqual(before);
  });

  test("lets the organization's own issuer in, whatever the trailing slash", async () => {
    const t = newTest();
    await orgOf(t, CLERK_ISSUER);
    const org = await t.withIdentity({ ...clerkOwner, issuer: `${CLERK_ISSUER}/` }).query(api.organizations.current, { orgId: "org_a" });
    expect(org).toMatchObject({ externalId: "org_a", role: "owner" });
  });

  test("does not bind an organization created before the binding existed", async () => {
    const t = newTest();
    await orgOf(t, undefined);
    await t.withIdentity(localImpostor).query(api.organizations.current, { orgId: "org_a" });
    expect((await orgRow(t))?.issuer).toBeUndefined();
  });

  test("hides another issuer's organization from the viewer's profile", async () => {
    const t = newTest();
    await orgOf(t, CLERK_ISSUER);
    expect((await t.withIdentity(localImpostor).query(api.viewer.get, {})).org).toBeNull();
  });
});

describe("provisioning", () => {
  test("records the token's issuer on the organization it creates", async () => {
    const t = newTest();
    await t.withIdentity(clerkOwner).mutation(api.viewer.provision, {});
    expect((await orgRow(t))?.issuer).toBe(CLERK_ISSUER);
  });

  test("refuses another issuer's token for an existing organization and writes nothing", async () => {
    const t = newTest();
    await orgOf(t, CLERK_ISSUER);
    const before = await allRows(t);
    await expect(t.withIdentity(localImpostor).mutation(api.viewer.provision, {})).rejects.toMatchObject({
      data: { code: "ORG_NOT_FOUND" },
    });
    expect(await allRows(t)).toEqual(before);
  });
});

describe("the Clerk webhook", () => {
  setUpClerkWebhookEnvironment();
  beforeEach(() => {
    vi.stubEnv("CLERK_JWT_ISSUER_DOMAIN", `${CLERK_ISSUER}/`);
    vi.stubEnv("LOCAL_AUTH_ISSUER", LOCAL_ISSUER);
  });

  test("binds an organization Clerk announces to the Clerk issuer", async () => {
    const t = newTest();
    await deliverClerkEvent(t, organizationEvent("organization.created", { id: "org_a" }));
    expect((await orgRow(t))?.issuer).toBe(CLERK_ISSUER);
  });

  test("binds an organization the local issuer announces to the local issuer", async () => {
    const t = newTest();
    await deliverClerkEvent(t, { ...organizationEvent("organization.created", { id: "org_local_1" }), instance_id: LOCAL_CLERK_INSTANCE_ID });
    expect((await orgRow(t, "org_local_1"))?.issuer).toBe(LOCAL_ISSUER);
  });
});

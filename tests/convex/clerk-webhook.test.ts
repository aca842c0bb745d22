import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  OTHER_WEBHOOK_SECRET,
  T1,
  T2,
  T3,
  clerkEvent,
  deletedEvent,
  deliverClerkEvent,
  membershipEvent,
  organizationData,
  organizationEvent,
  postClerkWebhook,
  signedClerkRequest,
  userData,
  userEvent,
  type ClerkResponse,
  setUpClerkWebhookEnvironment,
} from "../fixtures/clerk";
import { identity } from "../fixtures/identities";
import { allRows, ALL_TABLES } from "../fixtures/all-rows";
import { newTest, type TestConvex } from "./setup";

let t: TestConvex;

setUpClerkWebhookEnvironment();

beforeEach(() => {
  t = newTest();
});

/** Every table of the schema, and scheduled jobs, at zero rows. */
const NOTHING_WRITTEN: Record<string, number> = Object.fromEntries([...ALL_TABLES, "_scheduled_functions"].map((table) => [table, 0]));

async function countRows() {
  const rows = await allRows(t);
  return Object.fromEntries(Object.entries(rows).map(([table, found]) => [table, found.length]));
}

async function expectRefusedWithoutWrites(response: ClerkResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ success: false, code });
  expect(await countRows()).toEqual(NOTHING_WRITTEN);
}

const deliver = (payload: unknown, options?: Parameters<typeof deliverClerkEvent>[2]) => deliverClerkEvent(t, payload, options);

async function expectAccepted(payload: unknown, options?: Parameters<typeof deliverClerkEvent>[2]) {
  const response = await deliver(payload, options);
  expect(response).toEqual({ status: 200, body: { success: true, duplicate: false } });
  return response;
}

const orgByExternalId = (externalId: string) =>
  t.run((ctx) => ctx.db.query("organizations").withIndex("by_externalId", (q) => q.eq("externalId", externalId)).unique());

const userByExternalId = (externalId: string) =>
  t.run((ctx) => ctx.db.query("users").withIndex("by_externalId", (q) => q.eq("externalId", externalId)).unique());

const auditActions = () => t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((row) => row.action));

const asAliceIn = (orgId: string) => t.withIdentity(identity({ userId: "user_alice", orgId, role: "org:admin" }));

const memberNames = async (orgId: string) =>
  (await asAliceIn(orgId).query(api.organizations.members, { orgId })).map((member) => member.name);

describe("signature verification", () => {
  test("refuses a body signed with another secret and writes nothing", async () => {
    const response = await deliver(organizationEvent("organization.created"), { secret: OTHER_WEBHOOK_SECRET });
    await expectRefusedWithoutWrites(response, 401, "UNAUTHENTICATED");
  });

  test("refuses a delivery signed more than five minutes ago", async () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const response = await deliver(organizationEvent("organization.created"), { timestamp: sixMinutesAgo });
    await expectRefusedWithoutWrites(response, 401, "UNAUTHENTICATED");
  });

  test("refuses a delivery dated more than five minutes in the future", async () => {
    const sixMinutesAhead = new Date(Date.now() + 6 * 60_000);
    const response = await deliver(organizationEvent("organization.created"), { timestamp: sixMinutesAhead });
    await expectRefusedWithoutWrites(response, 401, "UNAUTHENTICATED");
  });

  test("refuses a body changed after it was signed", async () => {
    const response = await deliver(membershipEvent("organizationMembership.created"), { tamper: true });
    await expectRefusedWithoutWrites(response, 401, "UNAUTHENTICATED");
  });

  test("refuses a delivery without any svix header", async () => {
    const { body } = signedClerkRequest(organizationEvent("organization.created"));
    const response = await postClerkWebhook(t, { "content-type": "application/json" }, body);
    await expectRefusedWithoutWrites(response, 401, "UNAUTHENTICATED");
  });

  test.each(["svix-id", "svix-timestamp", "svix-signature"])("refuses a delivery missing the %s header", async (name) => {
    const { headers, body } = signedClerkRequest(organizationEvent("organization.created"));
    const { [name]: _dropped, ...rest } = headers;
    const response = await postClerkWebhook(t, rest, body);
    await expectRefusedWithoutWrites(response, 401, "UNAUTHENTICATED");
  });

  test("answers 500 INTERNAL_ERROR when no secret is configured", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SECRET", undefined);
    const response = await deliver(organizationEvent("organization.created"));
    await expectRefusedWithoutWrites(response, 500, "INTERNAL_ERROR");
  });
});

describe("body limits and parsing", () => {
  test("refuses a body over 1 MiB with 413 and writes nothing", async () => {
    const huge = clerkEvent("user.created", { ...userData(), unsafe_metadata: { blob: "x".repeat(1024 * 1024) } });
    const response = await deliver(huge);
    await expectRefusedWithoutWrites(response, 413, "INVALID_ARGUMENT");
  });

  test("refuses a correctly signed body that is not JSON with 400", async () => {
    const response = await deliver("type=user.created&id=user_alice");
    await expectRefusedWithoutWrites(response, 400, "INVALID_ARGUMENT");
  });

  test("refuses a known event type whose data is malformed, writing nothing", async () => {
    const response = await deliver(clerkEvent("organization.created", { ...organizationData(), id: 42 }));
    await expectRefusedWithoutWrites(response, 400, "INVALID_ARGUMENT");
  });

  test("refuses a membership event without its public user data, writing nothing", async () => {
    const { public_user_data: _missing, ...data } = membershipEvent("organizationMembership.created").data;
    const response = await deliver(clerkEvent("organizationMembership.created", data));
    await expectRefusedWithoutWrites(response, 400, "INVALID_ARGUMENT");
  });

  test("refuses a signed JSON body that is not a Clerk event", async () => {
    const response = await deliver({ hello: "world" });
    await expectRefusedWithoutWrites(response, 400, "INVALID_ARGUMENT");
  });

  test("keeps the parser's details out of the answer outside development", async () => {
    const response = await deliver(clerkEvent("user.created", { id: "" }));
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty("details");
  });

  test("acknowledges an event type it does not handle without writing anything", async () => {
    const response = await deliver(clerkEvent("session.created", { id: "sess_1", object: "session", user_id: "user_alice" }));
    expect(response).toEqual({ status: 200, body: { success: true, ignored: true } });
    expect(await countRows()).toEqual(NOTHING_WRITTEN);
  });
});

describe("idempotency on svix-id", () => {
  test("applies a delivery received twice only once", async () => {
    const payload = organizationEvent("organization.created");
    await expectAccepted(payload, { svixId: "msg_same" });
    const replay = await deliver(payload, { svixId: "msg_same" });
    expect(replay).toEqual({ status: 200, body: { success: true, duplicate: true } });
    expect(await countRows()).toEqual({ ...NOTHING_WRITTEN, organizations: 1, auditLog: 1, webhookDeliveries: 1 });
  });

  test("ignores a second delivery with the same svix-id even when it carries newer data", async () => {
    await expectAccepted(organizationEvent("organization.created", { name: "Acme" }), { svixId: "msg_same" });
    const replay = await deliver(organizationEvent("organization.updated", { name: "Renamed", updatedAt: T2 }), { svixId: "msg_same" });
    expect(replay.body).toEqual({ success: true, duplicate: true });
    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Acme" });
  });
});

describe("organization events", () => {
  test("creates the organization, then applies a newer update", async () => {
    await expectAccepted(organizationEvent("organization.created", { name: "Acme", slug: "acme", updatedAt: T1 }));
    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Acme", slug: "acme", timezone: "America/Sao_Paulo" });

    await expectAccepted(organizationEvent("organization.updated", { name: "Acme Brasil", slug: "acme-br", updatedAt: T2 }));
    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Acme Brasil", slug: "acme-br", sourceUpdatedAt: T2 });
    expect(await auditActions()).toEqual(["organization.created", "organization.updated"]);
  });

  test("uses the org id as slug when Clerk sends none", async () => {
    await expectAccepted(organizationEvent("organization.created", { id: "org_noslug", slug: null }));
    expect(await orgByExternalId("org_noslug")).toMatchObject({ slug: "org_noslug" });
  });

  test("an older update arriving after a newer one changes nothing", async () => {
    await expectAccepted(organizationEvent("organization.created", { name: "Acme", updatedAt: T1 }));
    await expectAccepted(organizationEvent("organization.updated", { name: "Newest", updatedAt: T3 }));
    await expectAccepted(organizationEvent("organization.updated", { name: "Stale", updatedAt: T2 }));
    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Newest", sourceUpdatedAt: T3 });
    expect(await auditActions()).toEqual(["organization.created", "organization.updated"]);
  });

  test("a deletion makes the guard refuse the organization at once", async () => {
    await expectAccepted(organizationEvent("organization.created"));
    await expectAccepted(deletedEvent("organization.deleted", "org_a"));
    expect(await orgByExternalId("org_a")).toMatchObject({ deletedAt: expect.any(Number) });
    await expect(asAliceIn("org_a").query(api.organizations.current, { orgId: "org_a" })).rejects.toMatchObject({
      data: { code: "ORG_NOT_FOUND" },
    });
  });

  test("a deletion arriving before the creation keeps the late creation from reviving the org", async () => {
    await expectAccepted(deletedEvent("organization.deleted", "org_a"));
    await expectAccepted(organizationEvent("organization.created", { name: "Zombie", updatedAt: T1 }));
    await expectAccepted(organizationEvent("organization.updated", { name: "Zombie", updatedAt: T2 }));
    expect(await orgByExternalId("org_a")).toMatchObject({ deletedAt: expect.any(Number) });
    expect(await orgByExternalId("org_a")).not.toMatchObject({ name: "Zombie" });
    await expect(asAliceIn("org_a").query(api.organizations.current, { orgId: "org_a" })).rejects.toMatchObject({
      data: { code: "ORG_NOT_FOUND" },
    });
  });

  test("a membership arriving after the org was deleted adds nobody", async () => {
    await expectAccepted(organizationEvent("organization.created"));
    await expectAccepted(deletedEvent("organization.deleted", "org_a"));
    await expectAccepted(membershipEvent("organizationMembership.created", { updatedAt: T2 }));
    expect(await t.run((ctx) => ctx.db.query("memberships").collect())).toEqual([]);
  });
});

describe("membership events", () => {
  test("a membership arriving before its organization creates the org, the user and the membership", async () => {
    await expectAccepted(
      membershipEvent("organizationMembership.created", {
        org: { id: "org_early", name: "Early Bird", slug: "early-bird" },
        user: { userId: "user_bob", firstName: "Bob", lastName: "Builder", identifier: "bob@example.com" },
        role: "org:admin",
      }),
    );
    const org = await orgByExternalId("org_early");
    expect(org).toMatchObject({ name: "Early Bird", slug: "early-bird", timezone: "America/Sao_Paulo" });
    const user = await userByExternalId("user_bob");
    expect(user).toMatchObject({ name: "Bob Builder", email: "bob@example.com", imageUrl: "https://img.clerk.com/user_bob.png" });
    const memberships = await t.run((ctx) => ctx.db.query("memberships").collect());
    expect(memberships).toEqual([expect.objectContaining({ orgId: org?._id, userId: user?._id, role: "admin" })]);
    expect(await auditActions()).toEqual(["organization.created", "member.added"]);
  });

  test("the org's own created event still applies after the membership created it", async () => {
    await expectAccepted(membershipEvent("organizationMembership.created", { org: { name: "Embedded copy" } }));
    await expectAccepted(organizationEvent("organization.created", { name: "Real name", updatedAt: T1 }));
    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Real name" });
  });

  test("an embedded organization copy never overwrites the org's own data", async () => {
    await expectAccepted(organizationEvent("organization.created", { name: "Real name", updatedAt: T2 }));
    await expectAccepted(membershipEvent("organizationMembership.created", { org: { name: "Old copy", updatedAt: T1 } }));
    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Real name" });
  });

  test.each([
    ["org:admin", "admin"],
    ["org:owner", "owner"],
    ["admin", "admin"],
    ["org:member", "member"],
    ["org:sales_rep", "member"],
  ])("maps the Clerk role %s to %s", async (clerkRole, role) => {
    await expectAccepted(membershipEvent("organizationMembership.created", { role: clerkRole }));
    expect(await t.run((ctx) => ctx.db.query("memberships").first())).toMatchObject({ role });
  });

  test("a newer membership update changes the role and is audited", async () => {
    await expectAccepted(membershipEvent("organizationMembership.created", { role: "org:member", updatedAt: T1 }));
    await expectAccepted(membershipEvent("organizationMembership.updated", { role: "org:admin", updatedAt: T2 }));
    await expectAccepted(membershipEvent("organizationMembership.updated", { role: "org:member", updatedAt: T1 }));
    expect(await t.run((ctx) => ctx.db.query("memberships").first())).toMatchObject({ role: "admin" });
    expect(await auditActions()).toEqual(["organization.created", "member.added", "member.role_changed"]);
  });

  test("a deleted membership is no longer listed among the org's members", async () => {
    await expectAccepted(membershipEvent("organizationMembership.created", { role: "org:admin" }));
    const bob = { userId: "user_bob", firstName: "Bob", lastName: "Builder" };
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob }));
    expect(await memberNames("org_a")).toEqual(["Alice Liddell", "Bob Builder"]);

    await expectAccepted(membershipEvent("organizationMembership.deleted", { user: bob }));
    expect(await memberNames("org_a")).toEqual(["Alice Liddell"]);
  });

  test("a stale created arriving after the deletion does not revive the membership", async () => {
    const bob = { userId: "user_bob", firstName: "Bob", lastName: "Builder" };
    await expectAccepted(membershipEvent("organizationMembership.created", { role: "org:admin" }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob, updatedAt: T1 }));
    await expectAccepted(membershipEvent("organizationMembership.deleted", { user: bob, updatedAt: T2 }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob, updatedAt: T1 }));
    expect(await memberNames("org_a")).toEqual(["Alice Liddell"]);
  });

  test("a deletion arriving before its creation keeps the late creation from adding the member", async () => {
    const bob = { userId: "user_bob", firstName: "Bob", lastName: "Builder" };
    await expectAccepted(membershipEvent("organizationMembership.created", { role: "org:admin" }));
    await expectAccepted(membershipEvent("organizationMembership.deleted", { user: bob, updatedAt: T1 }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob, updatedAt: T1 }));
    expect(await memberNames("org_a")).toEqual(["Alice Liddell"]);
  });

  test("a newer creation after a removal adds the member again", async () => {
    const bob = { userId: "user_bob", firstName: "Bob", lastName: "Builder" };
    await expectAccepted(membershipEvent("organizationMembership.created", { role: "org:admin" }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob, updatedAt: T1 }));
    await expectAccepted(membershipEvent("organizationMembership.deleted", { user: bob, updatedAt: T1 }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob, updatedAt: T3 }));
    expect(await memberNames("org_a")).toEqual(["Alice Liddell", "Bob Builder"]);
  });
});

describe("user events", () => {
  test("a newer user update changes the name and the email", async () => {
    await expectAccepted(userEvent("user.created", { updatedAt: T1 }));
    const emails = [
      { id: "idn_old", email: "alice@old.example" },
      { id: "idn_new", email: "alice@new.example" },
    ];
    await expectAccepted(userEvent("user.updated", { firstName: "Alicia", lastName: "Pleasance", emails, primaryEmailId: "idn_new", updatedAt: T2 }));
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "Alicia Pleasance", email: "alice@new.example", sourceUpdatedAt: T2 });
  });

  test("an older user update arriving late changes nothing", async () => {
    await expectAccepted(userEvent("user.created", { updatedAt: T1 }));
    await expectAccepted(userEvent("user.updated", { firstName: "Newest", updatedAt: T3 }));
    await expectAccepted(userEvent("user.updated", { firstName: "Stale", updatedAt: T2 }));
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "Newest Liddell" });
  });

  test("an update from Clerk overwrites the copy a membership embedded", async () => {
    await expectAccepted(membershipEvent("organizationMembership.created", { user: { firstName: "Embedded", lastName: null } }));
    await expectAccepted(userEvent("user.created", { updatedAt: T1 }));
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "Alice Liddell" });
  });

  test("a deleted user loses every membership and its profile, and a late update does not revive it", async () => {
    const carol = { userId: "user_carol", firstName: "Carol", lastName: "Danvers" };
    await expectAccepted(userEvent("user.created", { id: "user_carol", firstName: "Carol", lastName: "Danvers" }));
    for (const orgId of ["org_a", "org_b"]) {
      await expectAccepted(membershipEvent("organizationMembership.created", { org: { id: orgId, slug: orgId }, role: "org:admin" }));
      await expectAccepted(membershipEvent("organizationMembership.created", { org: { id: orgId, slug: orgId }, user: carol }));
    }
    expect(await memberNames("org_b")).toEqual(["Alice Liddell", "Carol Danvers"]);

    await expectAccepted(deletedEvent("user.deleted", "user_carol"));
    expect(await memberNames("org_a")).toEqual(["Alice Liddell"]);
    expect(await memberNames("org_b")).toEqual(["Alice Liddell"]);
    const erased = { name: "", email: "", deletedAt: expect.any(Number) };
    expect(await userByExternalId("user_carol")).toMatchObject(erased);
    expect(await userByExternalId("user_carol")).not.toHaveProperty("imageUrl");

    await expectAccepted(userEvent("user.updated", { id: "user_carol", firstName: "Carol", updatedAt: T3 }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: carol, updatedAt: T3 }));
    expect(await userByExternalId("user_carol")).toMatchObject(erased);
    expect(await memberNames("org_a")).toEqual(["Alice Liddell"]);
  });

  test("a deletion arriving before the creation keeps the late creation from reviving the user", async () => {
    await expectAccepted(deletedEvent("user.deleted", "user_alice"));
    await expectAccepted(userEvent("user.created", { updatedAt: T1 }));
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "", email: "", deletedAt: expect.any(Number) });
  });
});

describe("audit trail", () => {
  test("accepted tenant-changing events write one audit row each, with no actor", async () => {
    const bob = { userId: "user_bob", firstName: "Bob", lastName: "Builder" };
    await expectAccepted(organizationEvent("organization.created"));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob, role: "org:member" }));
    await expectAccepted(membershipEvent("organizationMembership.updated", { user: bob, role: "org:admin", updatedAt: T2 }));
    await expectAccepted(membershipEvent("organizationMembership.deleted", { user: bob, updatedAt: T2 }));
    await expectAccepted(organizationEvent("organization.updated", { name: "Renamed", updatedAt: T2 }));
    await expectAccepted(deletedEvent("organization.deleted", "org_a"));

    const org = await orgByExternalId("org_a");
    const rows = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(rows.map(({ action, target }) => ({ action, target }))).toEqual([
      { action: "organization.created", target: "organization:org_a" },
      { action: "member.added", target: "user:user_bob" },
      { action: "member.role_changed", target: "user:user_bob" },
      { action: "member.removed", target: "user:user_bob" },
      { action: "organization.updated", target: "organization:org_a" },
      { action: "organization.deleted", target: "organization:org_a" },
    ]);
    for (const row of rows) {
      expect(row.orgId).toBe(org?._id);
      expect(row.actorUserId).toBeUndefined();
    }
  });

  test("user profile changes are not tenant changes and write no audit row", async () => {
    await expectAccepted(userEvent("user.created"));
    await expectAccepted(userEvent("user.updated", { firstName: "Alicia", updatedAt: T2 }));
    expect(await auditActions()).toEqual([]);
  });
});

describe("a rename asked for in SpinDesk", () => {
  const asBobMemberIn = (orgId: string) => t.withIdentity(identity({ userId: "user_bob", orgId, role: "org:member" }));
  const bob = { userId: "user_bob", firstName: "Bob", lastName: "Builder" };

  /** Org A with Alice as admin and Bob as member, as Clerk announces them. */
  async function orgWithAdminAndMember() {
    await expectAccepted(membershipEvent("organizationMembership.created", { role: "org:admin" }));
    await expectAccepted(membershipEvent("organizationMembership.created", { user: bob }));
  }

  const auditRows = () => t.run(async (ctx) => ctx.db.query("auditLog").collect());
  const aliceId = async () => (await userByExternalId("user_alice"))!._id;

  afterEach(() => {
    vi.useRealTimers();
  });

  test("is audited as the admin's rename when the provider's webhook brings the announced name", async () => {
    await orgWithAdminAndMember();
    await asAliceIn("org_a").mutation(api.organizations.expectRename, { orgId: "org_a", name: "Acme Brasil" });

    await expectAccepted(organizationEvent("organization.updated", { name: "Acme Brasil", updatedAt: T2 }));

    const renamed = (await auditRows()).find((row) => row.action === "organization.renamed");
    expect(renamed).toMatchObject({ actorUserId: await aliceId(), target: "organization:org_a" });
    expect(await auditActions()).not.toContain("organization.updated");
    const org = await orgByExternalId("org_a");
    expect(org?.name).toBe("Acme Brasil");
    expect(org?.pendingRename).toBeUndefined();
  });

  test("a rename made in Clerk, with nothing announced, is audited without an actor", async () => {
    await orgWithAdminAndMember();
    await expectAccepted(organizationEvent("organization.updated", { name: "Renamed in Clerk", updatedAt: T2 }));
    const updated = (await auditRows()).find((row) => row.action === "organization.updated");
    expect(updated).toBeDefined();
    expect(updated?.actorUserId).toBeUndefined();
  });

  test("an announcement of another name leaves the webhook's rename unattributed and waiting", async () => {
    await orgWithAdminAndMember();
    await asAliceIn("org_a").mutation(api.organizations.expectRename, { orgId: "org_a", name: "Acme Brasil" });
    await expectAccepted(organizationEvent("organization.updated", { name: "Someone Else's Name", updatedAt: T2 }));
    expect(await auditActions()).not.toContain("organization.renamed");
    expect(await orgByExternalId("org_a")).toMatchObject({ pendingRename: { name: "Acme Brasil" } });
  });

  test("an announcement older than ten minutes is not used", async () => {
    vi.useFakeTimers();
    await orgWithAdminAndMember();
    await asAliceIn("org_a").mutation(api.organizations.expectRename, { orgId: "org_a", name: "Acme Brasil" });
    vi.advanceTimersByTime(10 * 60 * 1000 + 1);
    await expectAccepted(organizationEvent("organization.updated", { name: "Acme Brasil", updatedAt: T2 }));
    expect(await auditActions()).not.toContain("organization.renamed");
  });

  test("a member cannot announce a rename: FORBIDDEN, and nothing is written", async () => {
    await orgWithAdminAndMember();
    const before = await orgByExternalId("org_a");
    await expect(asBobMemberIn("org_a").mutation(api.organizations.expectRename, { orgId: "org_a", name: "Bob's Org" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    expect(await orgByExternalId("org_a")).toEqual(before);
  });

  test.each([["an empty name", "   "], ["a name over 64 characters", "x".repeat(65)]])(
    "%s is refused with INVALID_ARGUMENT, and nothing is written",
    async (_case, name) => {
      await orgWithAdminAndMember();
      const before = await orgByExternalId("org_a");
      await expect(asAliceIn("org_a").mutation(api.organizations.expectRename, { orgId: "org_a", name })).rejects.toMatchObject({
        data: { code: "INVALID_ARGUMENT" },
      });
      expect(await orgByExternalId("org_a")).toEqual(before);
    },
  );
});

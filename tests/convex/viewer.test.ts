import { beforeEach, describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { ClerkChange } from "../../lib/clerk/events";
import { T1 } from "../fixtures/clerk";
import { identity, type ClaimShape } from "../fixtures/identities";
import { insertOrg, insertUser } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

let t: TestConvex;

beforeEach(() => {
  t = newTest();
});

const TABLES = ["organizations", "users", "memberships", "auditLog"] as const;

async function countRows() {
  return t.run(async (ctx) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await ctx.db.query(table).collect()).length;
    return counts;
  });
}

const orgByExternalId = (externalId: string) =>
  t.run((ctx) => ctx.db.query("organizations").withIndex("by_externalId", (q) => q.eq("externalId", externalId)).unique());

const userByExternalId = (externalId: string) =>
  t.run((ctx) => ctx.db.query("users").withIndex("by_externalId", (q) => q.eq("externalId", externalId)).unique());

const allMemberships = () => t.run((ctx) => ctx.db.query("memberships").collect());

/** What Clerk's webhook would have written, through the same internal mutation. */
async function applyFromClerk(change: ClerkChange) {
  await t.mutation(internal.clerk.applyChange, { deliveryId: `msg_${change.kind}`, change });
}

describe("provision", () => {
  test("refuses a caller without an identity", async () => {
    await expect(t.mutation(api.viewer.provision, {})).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
    expect(await countRows()).toEqual({ organizations: 0, users: 0, memberships: 0, auditLog: 0 });
  });

  test("creates the user, the org named by org_name and the membership from template claims", async () => {
    const caller = { ...identity({ userId: "user_alice", orgId: "org_new", role: "org:admin", slug: "acme", name: "Alice" }), org_name: "Acme Inc" };
    expect(await t.withIdentity(caller).mutation(api.viewer.provision, {})).toEqual({ orgId: "org_new" });

    const user = await userByExternalId("user_alice");
    expect(user).toMatchObject({ name: "Alice", email: "user_alice@example.com" });
    const org = await orgByExternalId("org_new");
    expect(org).toMatchObject({ name: "Acme Inc", slug: "acme", timezone: "America/Sao_Paulo" });
    expect(await allMemberships()).toEqual([expect.objectContaining({ orgId: org?._id, userId: user?._id, role: "admin" })]);
  });

  test.each<[ClaimShape, string, string]>([
    ["v2", "org:owner", "owner"],
    ["v2", "admin", "admin"],
    ["flattened", "org:member", "member"],
  ])("creates the org, named after its slug, and the membership from %s claims with role %s", async (shape, claimRole, role) => {
    const caller = identity({ userId: "user_bob", orgId: "org_v2", role: claimRole, slug: "v2-shop", shape });
    expect(await t.withIdentity(caller).mutation(api.viewer.provision, {})).toEqual({ orgId: "org_v2" });

    expect(await orgByExternalId("org_v2")).toMatchObject({ name: "v2-shop", slug: "v2-shop" });
    expect(await userByExternalId("user_bob")).toMatchObject({ email: "user_bob@example.com" });
    expect(await allMemberships()).toEqual([expect.objectContaining({ role })]);
  });

  test("names the org after its id when the token has neither name nor slug", async () => {
    const caller = { subject: "user_alice", issuer: "https://clerk.test", tokenIdentifier: "https://clerk.test|user_alice", o: { id: "org_bare", rol: "member" } };
    await t.withIdentity(caller).mutation(api.viewer.provision, {});
    expect(await orgByExternalId("org_bare")).toMatchObject({ name: "org_bare", slug: "org_bare" });
  });

  test("creates nothing more when called twice", async () => {
    const caller = t.withIdentity({ ...identity({ orgId: "org_new", role: "org:admin" }), org_name: "Acme Inc" });
    await caller.mutation(api.viewer.provision, {});
    const afterFirst = await countRows();
    expect(afterFirst).toEqual({ organizations: 1, users: 1, memberships: 1, auditLog: 2 });

    expect(await caller.mutation(api.viewer.provision, {})).toEqual({ orgId: "org_new" });
    expect(await countRows()).toEqual(afterFirst);
  });

  test("leaves the org, the user and the role as the webhook wrote them", async () => {
    const org = { externalId: "org_a", name: "Acme from Clerk", slug: "acme-clerk", updatedAt: T1 };
    const user = { externalId: "user_alice", email: "alice@clerk.example", name: "Alice Liddell", updatedAt: T1 };
    await applyFromClerk({ kind: "membership.upsert", org: { ...org, updatedAt: 0 }, user: { ...user, updatedAt: 0 }, role: "org:member", updatedAt: T1 });
    await applyFromClerk({ kind: "organization.upsert", org });
    await applyFromClerk({ kind: "user.upsert", user });
    const before = await countRows();

    const caller = { ...identity({ userId: "user_alice", orgId: "org_a", role: "org:admin", slug: "stale-slug", name: "Token Name" }), org_name: "Token Org Name" };
    expect(await t.withIdentity(caller).mutation(api.viewer.provision, {})).toEqual({ orgId: "org_a" });

    expect(await orgByExternalId("org_a")).toMatchObject({ name: "Acme from Clerk", slug: "acme-clerk" });
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "Alice Liddell", email: "alice@clerk.example" });
    expect(await allMemberships()).toEqual([expect.objectContaining({ role: "member" })]);
    expect(await countRows()).toEqual(before);
  });

  test("refuses a deleted org with ORG_NOT_FOUND and writes nothing", async () => {
    await t.run((ctx) => insertOrg(ctx, "org_gone", { deletedAt: Date.now() }));
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: "org_gone" }));

    await expect(caller.mutation(api.viewer.provision, {})).rejects.toMatchObject({ data: { code: "ORG_NOT_FOUND" } });
    expect(await countRows()).toEqual({ organizations: 1, users: 0, memberships: 0, auditLog: 0 });
  });

  test("refuses a member removed from the org with FORBIDDEN and writes nothing", async () => {
    const orgId = await t.run((ctx) => insertOrg(ctx, "org_a"));
    await t.run(async (ctx) => {
      const userId = await insertUser(ctx, "user_alice");
      await ctx.db.insert("memberships", { orgId, userId, role: "member", deletedAt: Date.now(), sourceUpdatedAt: 1 });
    });
    const before = await countRows();
    const staleToken = t.withIdentity(identity({ userId: "user_alice", orgId: "org_a" }));

    await expect(staleToken.mutation(api.viewer.provision, {})).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await countRows()).toEqual(before);
  });

  test("creates only the user when the token has no active org", async () => {
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: null, name: "Alice" }));
    expect(await caller.mutation(api.viewer.provision, {})).toEqual({ orgId: null });
    expect(await countRows()).toEqual({ organizations: 0, users: 1, memberships: 0, auditLog: 0 });
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "Alice", email: "user_alice@example.com" });
  });

  test("refuses a deleted user with FORBIDDEN and writes nothing", async () => {
    await applyFromClerk({ kind: "user.delete", userExternalId: "user_alice" });
    const before = await countRows();
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: "org_new" }));

    await expect(caller.mutation(api.viewer.provision, {})).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await countRows()).toEqual(before);
    expect(await userByExternalId("user_alice")).toMatchObject({ name: "", deletedAt: expect.any(Number) });
  });
});

describe("get", () => {
  test("refuses a caller without an identity", async () => {
    await expect(t.query(api.viewer.get, {})).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });

  test("returns the stored profile, the active org and the role from the token", async () => {
    await t.run(async (ctx) => {
      await insertOrg(ctx, "org_a");
      await insertUser(ctx, "user_alice");
    });
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: "org_a", role: "org:admin", name: "Token Name" }));

    expect(await caller.query(api.viewer.get, {})).toEqual({
      externalId: "user_alice",
      name: "Name user_alice",
      email: "user_alice@example.com",
      imageUrl: null,
      org: { externalId: "org_a", name: "Org org_a", slug: "org_a", timezone: "America/Sao_Paulo" },
      role: "admin",
    });
  });

  test("reads the org and role from session-token v2 claims", async () => {
    await t.run((ctx) => insertOrg(ctx, "org_a"));
    const caller = t.withIdentity(identity({ orgId: "org_a", role: "org:owner", shape: "v2" }));
    expect(await caller.query(api.viewer.get, {})).toMatchObject({ org: { externalId: "org_a" }, role: "owner" });
  });

  test("falls back to the token's profile before the user is provisioned", async () => {
    const caller = t.withIdentity({ ...identity({ userId: "user_new", orgId: null, name: "New Person" }), pictureUrl: "https://img.clerk.com/new.png" });
    expect(await caller.query(api.viewer.get, {})).toEqual({
      externalId: "user_new",
      name: "New Person",
      email: "user_new@example.com",
      imageUrl: "https://img.clerk.com/new.png",
      org: null,
      role: null,
    });
  });

  test("returns no org and no role when the token has no active org", async () => {
    await t.run((ctx) => insertUser(ctx, "user_alice"));
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: null }));
    expect(await caller.query(api.viewer.get, {})).toMatchObject({ name: "Name user_alice", org: null, role: null });
  });

  test("returns no org and no role when the active org is deleted", async () => {
    await t.run(async (ctx) => {
      await insertOrg(ctx, "org_gone", { deletedAt: Date.now() });
      await insertUser(ctx, "user_alice");
    });
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: "org_gone", role: "org:admin" }));
    expect(await caller.query(api.viewer.get, {})).toMatchObject({ org: null, role: null });
  });

  test("returns no org and no role when the active org is not known yet", async () => {
    const caller = t.withIdentity(identity({ userId: "user_alice", orgId: "org_unknown", role: "org:admin" }));
    expect(await caller.query(api.viewer.get, {})).toMatchObject({ org: null, role: null });
  });
});

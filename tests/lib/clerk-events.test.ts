import { describe, expect, test } from "vitest";
import { CLERK_EVENT_TYPES, parseClerkEvent } from "../../lib/clerk/events";
import {
  T1,
  T2,
  clerkEvent,
  deletedEvent,
  membershipData,
  membershipEvent,
  organizationEvent,
  userData,
  userEvent,
} from "../fixtures/clerk";

const acmeEmbedded = { externalId: "org_a", name: "Acme Vendas", slug: "acme-vendas", updatedAt: 0 };
const aliceEmbedded = {
  externalId: "user_alice",
  email: "user_alice@example.com",
  name: "Alice Liddell",
  imageUrl: "https://img.clerk.com/user_alice.png",
  updatedAt: 0,
};

function changeOf(payload: unknown) {
  const parsed = parseClerkEvent(payload);
  if (parsed.status !== "change") throw new Error(`expected a change, got ${JSON.stringify(parsed)}`);
  return parsed.change;
}

describe("parseClerkEvent: the nine handled types", () => {
  test("knows exactly the nine Clerk event types SpinDesk applies", () => {
    expect([...CLERK_EVENT_TYPES].sort()).toEqual(
      [
        "organization.created",
        "organization.updated",
        "organization.deleted",
        "organizationMembership.created",
        "organizationMembership.updated",
        "organizationMembership.deleted",
        "user.created",
        "user.updated",
        "user.deleted",
      ].sort(),
    );
  });

  test.each(["organization.created", "organization.updated"] as const)("%s becomes an organization upsert", (type) => {
    expect(changeOf(organizationEvent(type, { id: "org_a", name: "Acme", slug: "acme", updatedAt: T2 }))).toEqual({
      kind: "organization.upsert",
      org: { externalId: "org_a", name: "Acme", slug: "acme", updatedAt: T2 },
    });
  });

  test("organization.deleted becomes an organization delete", () => {
    expect(changeOf(deletedEvent("organization.deleted", "org_a"))).toEqual({ kind: "organization.delete", orgExternalId: "org_a" });
  });

  test.each(["organizationMembership.created", "organizationMembership.updated"] as const)(
    "%s becomes a membership upsert with the raw role and the membership's updated_at",
    (type) => {
      expect(changeOf(membershipEvent(type, { role: "org:admin", updatedAt: T2 }))).toEqual({
        kind: "membership.upsert",
        org: acmeEmbedded,
        user: aliceEmbedded,
        role: "org:admin",
        updatedAt: T2,
      });
    },
  );

  test("organizationMembership.deleted becomes a membership delete", () => {
    expect(changeOf(membershipEvent("organizationMembership.deleted", { updatedAt: T2 }))).toEqual({
      kind: "membership.delete",
      org: acmeEmbedded,
      user: aliceEmbedded,
      updatedAt: T2,
    });
  });

  test.each(["user.created", "user.updated"] as const)("%s becomes a user upsert", (type) => {
    expect(changeOf(userEvent(type, { updatedAt: T1 }))).toEqual({
      kind: "user.upsert",
      user: { ...aliceEmbedded, updatedAt: T1 },
    });
  });

  test("user.deleted becomes a user delete", () => {
    expect(changeOf(deletedEvent("user.deleted", "user_alice"))).toEqual({ kind: "user.delete", userExternalId: "user_alice" });
  });
});

describe("parseClerkEvent: freshness", () => {
  test("copies embedded in a membership never carry a freshness of their own", () => {
    const change = changeOf(membershipEvent("organizationMembership.created", { org: { updatedAt: T2 }, updatedAt: T1 }));
    expect(change).toMatchObject({ org: { updatedAt: 0 }, user: { updatedAt: 0 }, updatedAt: T1 });
  });

  test("an event without updated_at gets freshness 0", () => {
    const { updated_at: _org, ...org } = organizationEvent("organization.created").data;
    expect(changeOf(clerkEvent("organization.created", org))).toMatchObject({ org: { updatedAt: 0 } });
    const { updated_at: _user, ...user } = userData();
    expect(changeOf(clerkEvent("user.updated", user))).toMatchObject({ user: { updatedAt: 0 } });
  });

  test("an organization without a slug uses its id", () => {
    expect(changeOf(organizationEvent("organization.created", { id: "org_x", slug: null }))).toMatchObject({ org: { slug: "org_x" } });
  });
});

describe("parseClerkEvent: user profiles", () => {
  const emails = [
    { id: "idn_work", email: "alice@work.example" },
    { id: "idn_home", email: "alice@home.example" },
  ];

  test("takes the email named by primary_email_address_id, not the first one", () => {
    expect(changeOf(userEvent("user.updated", { emails, primaryEmailId: "idn_home" }))).toMatchObject({ user: { email: "alice@home.example" } });
  });

  test("falls back to the first email when the primary id matches none", () => {
    expect(changeOf(userEvent("user.updated", { emails, primaryEmailId: "idn_gone" }))).toMatchObject({ user: { email: "alice@work.example" } });
    expect(changeOf(userEvent("user.updated", { emails, primaryEmailId: null }))).toMatchObject({ user: { email: "alice@work.example" } });
  });

  test("has an empty email when the user has none", () => {
    expect(changeOf(userEvent("user.created", { emails: [], firstName: null, lastName: null }))).toMatchObject({
      user: { email: "", name: "user_alice" },
    });
  });

  test.each([
    ["first and last name", { firstName: "Alice", lastName: "Liddell", username: "alice" }, "Alice Liddell"],
    ["the first name alone", { firstName: "Alice", lastName: null, username: "alice" }, "Alice"],
    ["the last name alone", { firstName: "  ", lastName: "Liddell", username: "alice" }, "Liddell"],
    ["the username", { firstName: null, lastName: null, username: "alice" }, "alice"],
    ["the primary email", { firstName: null, lastName: null, username: null }, "user_alice@example.com"],
    ["the user id", { firstName: "", lastName: "", username: null, emails: [] }, "user_alice"],
  ])("names a user after %s", (_case, options, name) => {
    expect(changeOf(userEvent("user.created", options))).toMatchObject({ user: { name } });
  });

  test("keeps the image when there is one and leaves it out otherwise", () => {
    expect(changeOf(userEvent("user.created", { imageUrl: "https://img.clerk.com/a.png" }))).toMatchObject({ user: { imageUrl: "https://img.clerk.com/a.png" } });
    const change = changeOf(userEvent("user.created", { imageUrl: null }));
    expect(change.kind === "user.upsert" && change.user.imageUrl).toBeUndefined();
  });

  test.each([
    ["first and last name", { firstName: "Bob", lastName: "Builder", identifier: "bob@example.com" }, "Bob Builder", "bob@example.com"],
    ["the identifier", { firstName: null, lastName: null, identifier: "bob@example.com" }, "bob@example.com", "bob@example.com"],
    ["the identifier, a phone that is no email", { firstName: null, lastName: null, identifier: "+5511999990000" }, "+5511999990000", ""],
    ["the user id", { firstName: null, lastName: null, identifier: null }, "user_bob", ""],
  ])("names a member after %s", (_case, user, name, email) => {
    const change = changeOf(membershipEvent("organizationMembership.created", { user: { userId: "user_bob", ...user } }));
    expect(change).toMatchObject({ user: { externalId: "user_bob", name, email } });
  });
});

describe("parseClerkEvent: refusals", () => {
  test.each(["session.created", "email.created", "organizationInvitation.accepted", "role.created"])(
    "ignores %s, a type SpinDesk does not handle",
    (type) => {
      expect(parseClerkEvent(clerkEvent(type, { id: "x_1" }))).toEqual({ status: "ignored", type });
    },
  );

  test("ignores an unknown type even when its data is malformed", () => {
    expect(parseClerkEvent({ type: "session.ended", data: null })).toEqual({ status: "ignored", type: "session.ended" });
  });

  test.each([
    ["undefined", undefined],
    ["a string", "user.created"],
    ["an object without a type", { data: userData() }],
    ["an empty type", { type: "", data: {} }],
    ["a numeric type", { type: 42, data: {} }],
  ])("refuses %s as an envelope", (_case, payload) => {
    const parsed = parseClerkEvent(payload);
    expect(parsed.status).toBe("invalid");
    expect(parsed.status === "invalid" && parsed.issues.length).toBeGreaterThan(0);
  });

  test.each([
    { type: "organization.created", data: { name: "Acme" }, path: "id" },
    { type: "organization.updated", data: { id: "org_a", name: 7 }, path: "name" },
    { type: "organization.created", data: { id: "org_a", name: "Acme", updated_at: -1 }, path: "updated_at" },
    { type: "organization.deleted", data: { deleted: true }, path: "id" },
    { type: "user.created", data: { ...userData(), id: "" }, path: "id" },
    { type: "user.updated", data: { ...userData(), email_addresses: [{ id: "idn_1" }] }, path: "email_addresses.0.email_address" },
    { type: "user.deleted", data: null, path: "" },
    { type: "organizationMembership.created", data: { ...membershipData(), role: "" }, path: "role" },
    { type: "organizationMembership.updated", data: { ...membershipData(), organization: undefined }, path: "organization" },
    { type: "organizationMembership.deleted", data: { ...membershipData(), public_user_data: { first_name: "Bob" } }, path: "public_user_data.user_id" },
  ])("refuses a malformed $type and names the field \"$path\"", ({ type, data, path }) => {
    const parsed = parseClerkEvent(clerkEvent(type, data));
    expect(parsed.status).toBe("invalid");
    if (parsed.status !== "invalid") return;
    expect(parsed.issues.some((issue) => issue.startsWith(`${path}: `))).toBe(true);
  });
});

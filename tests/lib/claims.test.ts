import { describe, expect, test } from "vitest";
import { normalizeRole, readOrgClaims, roleAtLeast } from "../../lib/auth/claims";

describe("readOrgClaims", () => {
  test("reads Clerk JWT template claims", () => {
    expect(readOrgClaims({ org_id: "org_1", org_role: "org:admin", org_slug: "acme" })).toEqual({ orgId: "org_1", role: "admin", slug: "acme" });
  });

  test("reads session-token v2 claims nested under o", () => {
    expect(readOrgClaims({ o: { id: "org_1", rol: "admin", slg: "acme" } })).toEqual({ orgId: "org_1", role: "admin", slug: "acme" });
  });

  test("reads session-token v2 claims flattened to o.id", () => {
    expect(readOrgClaims({ "o.id": "org_1", "o.rol": "owner", "o.slg": "acme" })).toEqual({ orgId: "org_1", role: "owner", slug: "acme" });
  });

  test("returns null when the token carries no organization", () => {
    expect(readOrgClaims({ sub: "user_1" })).toBeNull();
  });

  test("treats an empty org id as no organization", () => {
    expect(readOrgClaims({ org_id: "", o: { id: "" } })).toBeNull();
  });

  test("gives a missing role the member role", () => {
    expect(readOrgClaims({ org_id: "org_1" })?.role).toBe("member");
  });

  test("gives a missing slug null", () => {
    expect(readOrgClaims({ o: { id: "org_1" } })?.slug).toBeNull();
  });

  test("ignores a non-object o claim", () => {
    expect(readOrgClaims({ o: "org_1" })).toBeNull();
  });
});

describe("normalizeRole", () => {
  test.each([
    ["org:owner", "owner"],
    ["owner", "owner"],
    ["org:admin", "admin"],
    ["admin", "admin"],
    ["org:member", "member"],
    ["basic_member", "member"],
    ["org:billing_manager", "member"],
    [undefined, "member"],
    [42, "member"],
  ])("maps %s to %s", (raw, role) => {
    expect(normalizeRole(raw)).toBe(role);
  });
});

describe("roleAtLeast", () => {
  test("orders member < admin < owner", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("admin", "admin")).toBe(true);
    expect(roleAtLeast("member", "admin")).toBe(false);
    expect(roleAtLeast("admin", "owner")).toBe(false);
  });
});

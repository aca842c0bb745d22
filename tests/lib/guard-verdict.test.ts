import { describe, expect, test } from "vitest";
import { ORG_ROLES, type OrgClaims, type OrgRole } from "@/lib/auth/claims";
import { checkOrgAccess, guardMessage, guardVerdict, sessionCaller } from "@/lib/auth/verdict";

/** The one decision the Convex guard and the Next.js side share: codes, messages and order of checks. */

const claims = (orgId: string, role: OrgRole = "member"): OrgClaims => ({ orgId, role, slug: null });

describe("guardVerdict", () => {
  test("refuses nobody signed in with UNAUTHENTICATED", () => {
    expect(guardVerdict(null, "org_a")).toEqual({ ok: false, code: "UNAUTHENTICATED", message: "Sign in to continue." });
  });

  test("refuses a caller without an active organization with ORG_REQUIRED", () => {
    expect(guardVerdict({ org: null }, "org_a")).toEqual({
      ok: false,
      code: "ORG_REQUIRED",
      message: "Choose or create an organization first.",
    });
  });

  test("refuses another organization than the URL's with ORG_MISMATCH, whatever the role", () => {
    expect(guardVerdict({ org: claims("org_b", "owner") }, "org_a", "member")).toEqual({
      ok: false,
      code: "ORG_MISMATCH",
      message: "Your active organization differs from the one you asked for.",
    });
  });

  test("refuses a role below the required one with FORBIDDEN naming that role", () => {
    expect(guardVerdict({ org: claims("org_a", "member") }, "org_a", "admin")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "This needs the admin role.",
    });
    expect(guardVerdict({ org: claims("org_a", "admin") }, "org_a", "owner")).toMatchObject({ code: "FORBIDDEN" });
  });

  test("lets every role at or above the required one through with its claims", () => {
    for (const required of ORG_ROLES) {
      for (const role of ORG_ROLES.slice(ORG_ROLES.indexOf(required))) {
        expect(guardVerdict({ org: claims("org_a", role) }, "org_a", required)).toEqual({ ok: true, claims: claims("org_a", role) });
      }
    }
  });

  test("asks for membership when no role is named", () => {
    expect(guardVerdict({ org: claims("org_a") }, "org_a").ok).toBe(true);
  });
});

describe("guardMessage", () => {
  test("is what the verdict carries for each code", () => {
    expect(guardMessage("FORBIDDEN", "owner")).toBe("This needs the owner role.");
    expect(guardMessage("UNAUTHENTICATED")).toBe("Sign in to continue.");
  });
});

describe("sessionCaller", () => {
  const session = { userId: "user_1", orgId: "org_a", orgRole: "admin" as const, orgSlug: "acme" };

  test("reads the session's active organization and role as claims", () => {
    expect(sessionCaller(session)).toEqual({ org: { orgId: "org_a", role: "admin", slug: "acme" } });
  });

  test("is signed out without a session and org-less without an active organization", () => {
    expect(sessionCaller(null)).toBeNull();
    expect(sessionCaller({ ...session, orgId: null, orgRole: null })).toEqual({ org: null });
  });

  test("gives checkOrgAccess the same verdicts as the guard", () => {
    expect(checkOrgAccess(session, "org_a")).toBe("ok");
    expect(checkOrgAccess(session, "org_b")).toBe("ORG_MISMATCH");
    expect(checkOrgAccess({ ...session, orgId: null, orgRole: null }, "org_a")).toBe("ORG_REQUIRED");
    expect(checkOrgAccess(null, "org_a")).toBe("UNAUTHENTICATED");
  });
});

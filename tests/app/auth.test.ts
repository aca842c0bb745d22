import { describe, expect, it } from "vitest";
import { checkOrgAccess } from "@/lib/auth/verdict";
import { parseAuthProvider } from "@/lib/auth/provider";
import { orgPath, signInPath } from "@/lib/auth/routes";
import { checkAuthSetup } from "@/lib/auth/setup";
import type { Session } from "@/lib/auth/types";

const session = (orgId: string | null): Session => ({
  userId: "user_1",
  orgId,
  orgRole: orgId ? "member" : null,
  orgSlug: null,
});

describe("checkOrgAccess", () => {
  it("answers UNAUTHENTICATED without a session", () => {
    expect(checkOrgAccess(null, "org_a")).toBe("UNAUTHENTICATED");
  });

  it("answers ORG_REQUIRED when no organization is active", () => {
    expect(checkOrgAccess(session(null), "org_a")).toBe("ORG_REQUIRED");
  });

  it("answers ORG_MISMATCH when the URL names another organization", () => {
    expect(checkOrgAccess(session("org_b"), "org_a")).toBe("ORG_MISMATCH");
  });

  it("lets the active organization through", () => {
    expect(checkOrgAccess(session("org_a"), "org_a")).toBe("ok");
  });
});

describe("parseAuthProvider", () => {
  it("defaults to clerk when unset or blank", () => {
    expect(parseAuthProvider(undefined)).toBe("clerk");
    expect(parseAuthProvider("  ")).toBe("clerk");
  });

  it("accepts a known provider in any case", () => {
    expect(parseAuthProvider("Clerk")).toBe("clerk");
  });

  it("rejects an unknown provider", () => {
    expect(parseAuthProvider("okta")).toBeNull();
  });
});

describe("checkAuthSetup", () => {
  it("lists the Clerk keys that are missing", () => {
    expect(checkAuthSetup({})).toEqual({
      provider: "clerk",
      problems: ["NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "CLERK_SECRET_KEY"],
    });
  });

  it("is satisfied when both Clerk keys are present", () => {
    const env = { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x", CLERK_SECRET_KEY: "sk_test_x" };
    expect(checkAuthSetup(env)).toEqual({ provider: "clerk", problems: [] });
  });

  it("reports an unknown AUTH_PROVIDER", () => {
    expect(checkAuthSetup({ AUTH_PROVIDER: "nope" })).toEqual({ provider: null, problems: ["AUTH_PROVIDER"] });
  });
});

describe("routes", () => {
  it("builds org paths", () => {
    expect(orgPath("org_1")).toBe("/org/org_1");
    expect(orgPath("org_1", "/settings")).toBe("/org/org_1/settings");
  });

  it("only returns to same-site paths after sign-in", () => {
    expect(signInPath("/org/org_1")).toBe("/sign-in?redirect_url=%2Forg%2Forg_1");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath()).toBe("/sign-in");
  });
});

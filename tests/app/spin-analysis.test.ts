import { ConvexError } from "convex/values";
import { describe, expect, test, vi } from "vitest";
import { bearerTokenOf, spinAnalysis, type AnalysisRequest } from "@/lib/api/spin-analysis";

/** GET /api/org/[orgId]/spin-analysis: the guard's four outcomes and the JSON envelope. */

const session = { userId: "user_1", orgId: "org_a", orgRole: "member" as const, orgSlug: "acme" };
const request = (overrides: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  orgId: "org_a",
  window: null,
  bearerToken: null,
  session,
  sessionToken: "session-jwt",
  development: false,
  ...overrides,
});
const data = { overview: { totals: { messagesIn: 3 } } };

describe("spinAnalysis", () => {
  test("answers 401 UNAUTHENTICATED to a signed-out visitor without reading anything", async () => {
    const read = vi.fn();
    const response = await spinAnalysis(request({ session: null, sessionToken: null }), read);
    expect(response).toMatchObject({ status: 401, body: { success: false, code: "UNAUTHENTICATED", data: null } });
    expect(read).not.toHaveBeenCalled();
  });

  test("answers 403 ORG_REQUIRED with requiresOnboarding when no organization is active", async () => {
    const response = await spinAnalysis(request({ session: { ...session, orgId: null } }), vi.fn());
    expect(response).toMatchObject({ status: 403, body: { success: false, code: "ORG_REQUIRED", requiresOnboarding: true } });
  });

  test("answers 403 ORG_MISMATCH when the URL names another organization", async () => {
    const read = vi.fn();
    const response = await spinAnalysis(request({ orgId: "org_b" }), read);
    expect(response).toMatchObject({ status: 403, body: { success: false, code: "ORG_MISMATCH" } });
    expect(read).not.toHaveBeenCalled();
  });

  test("answers 200 with the data read with the session's token", async () => {
    const read = vi.fn(async () => data);
    const response = await spinAnalysis(request({ window: "week" }), read);
    expect(response).toEqual({ status: 200, body: { success: true, code: "OK", message: "SPIN analysis.", data } });
    expect(read).toHaveBeenCalledWith("session-jwt", "org_a", "week");
  });

  test("passes a Bearer token to Convex, whose guard answers for it", async () => {
    const read = vi.fn(async () => {
      throw new ConvexError({ code: "ORG_MISMATCH", message: "Your active organization differs from the one you asked for." });
    });
    const response = await spinAnalysis(request({ bearerToken: "api-jwt", session: null, sessionToken: null }), read);
    expect(read).toHaveBeenCalledWith("api-jwt", "org_a", "today");
    expect(response).toMatchObject({ status: 403, body: { code: "ORG_MISMATCH" } });
  });

  test("refuses an unknown window with 400 INVALID_ARGUMENT", async () => {
    const response = await spinAnalysis(request({ window: "forever" }), vi.fn());
    expect(response).toMatchObject({ status: 400, body: { success: false, code: "INVALID_ARGUMENT" } });
  });

  test("hides an unexpected failure's details outside development", async () => {
    const read = vi.fn(async () => {
      throw new Error("connection refused to 10.0.0.1");
    });
    const production = await spinAnalysis(request(), read);
    expect(production).toMatchObject({ status: 500, body: { code: "INTERNAL_ERROR" } });
    expect(JSON.stringify(production.body)).not.toContain("10.0.0.1");
    const development = await spinAnalysis(request({ development: true }), read);
    expect(development.body.details).toContain("connection refused");
  });
});

describe("bearerTokenOf", () => {
  test("reads a Bearer token and nothing else", () => {
    expect(bearerTokenOf("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerTokenOf("bearer  xyz")).toBe("xyz");
    expect(bearerTokenOf("Basic dXNlcg==")).toBeNull();
    expect(bearerTokenOf(null)).toBeNull();
  });
});

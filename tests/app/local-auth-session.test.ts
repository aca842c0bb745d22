import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/local/config";
import { postActiveOrg, postSignIn, postSignOut, getToken } from "@/app/_lib/auth/local/handlers";
import { orgIdInPath, orgToActivate } from "@/lib/auth/local/org-sync";
import { isProtectedPath } from "@/lib/auth/routes";
import { localProxy } from "@/app/_lib/auth/local/proxy";
import { readSession, sessionOf } from "@/lib/auth/local/session";
import { unsealSession } from "@/lib/auth/local/tokens";
import { checkAuthSetup } from "@/lib/auth/setup";
import { answer, get, pageUrl, postJson, sessionSetBy, setUpLocalAuthEnvironment, signInAs } from "./local-auth-setup";

setUpLocalAuthEnvironment();

describe("checkAuthSetup", () => {
  it("runs the local provider with no other variable", () => {
    expect(checkAuthSetup({ AUTH_PROVIDER: "local" })).toEqual({ provider: "local", problems: [] });
  });

  it("refuses the passwordless local provider on a production server", () => {
    expect(checkAuthSetup({ AUTH_PROVIDER: "local", NODE_ENV: "production" })).toEqual({
      provider: "local",
      problems: ["LOCAL_AUTH_ALLOW_PRODUCTION"],
    });
  });

  it("runs the local provider in production only with the explicit opt-in (the browser tests)", () => {
    const env = { AUTH_PROVIDER: "local", NODE_ENV: "production", LOCAL_AUTH_ALLOW_PRODUCTION: "1" };
    expect(checkAuthSetup(env)).toEqual({ provider: "local", problems: [] });
  });
});

describe("POST /sign-in", () => {
  it("signs in a directory user with their first organization active", async () => {
    const response = await postSignIn(postJson("/sign-in", { userId: "user_demo_mia" }));
    const { status, body } = await answer(response);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      user: { id: "user_demo_mia", name: "Mia Member", email: "mia@acme.example" },
      activeOrgId: "org_demo_acme",
      orgs: [
        { id: "org_demo_acme", role: "member" },
        { id: "org_demo_bella", role: "member" },
      ],
    });
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
  });

  it("gives the server the session the Session type describes", async () => {
    const state = await readSession(await signInAs("user_demo_adam"));
    expect(state && sessionOf(state)).toEqual({
      userId: "user_demo_adam",
      orgId: "org_demo_acme",
      orgRole: "admin",
      orgSlug: "acme-vendas",
    });
  });

  it("answers 404 NOT_FOUND for someone not in the directory", async () => {
    const { status, body } = await answer(await postSignIn(postJson("/sign-in", { userId: "user_nobody" })));
    expect(status).toBe(404);
    expect(body).toMatchObject({ success: false, code: "NOT_FOUND" });
  });

  it("answers 400 INVALID_ARGUMENT for a body that is not JSON", async () => {
    const request = new Request(pageUrl("/api/local-auth/sign-in"), { method: "POST", body: "userId=user_demo_mia" });
    const { status, body } = await answer(await postSignIn(request));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("refuses a request a browser marks as cross-site", async () => {
    const request = postJson("/sign-in", { userId: "user_demo_mia" });
    request.headers.set("sec-fetch-site", "cross-site");
    const response = await postSignIn(request);
    expect(response.status).toBe(403);
    expect(sessionSetBy(response)).toBeNull();
  });
});

describe("POST /sign-out", () => {
  it("clears the session cookie", async () => {
    const response = await postSignOut(postJson("/sign-out", {}, await signInAs("user_demo_mia")));
    expect(response.status).toBe(200);
    expect(sessionSetBy(response)).toBe("");
    expect(response.headers.getSetCookie().join("\n")).toMatch(/Max-Age=0/i);
  });
});

describe("POST /active-org", () => {
  it("switches to another organization of the user", async () => {
    const response = await postActiveOrg(postJson("/active-org", { orgId: "org_demo_bella" }, await signInAs("user_demo_mia")));
    const { status, body } = await answer(response);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ activeOrgId: "org_demo_bella" });
    expect(await unsealSession(sessionSetBy(response) ?? "")).toEqual({ userId: "user_demo_mia", orgId: "org_demo_bella" });
  });

  it("refuses an organization the user does not belong to with 403 FORBIDDEN", async () => {
    const response = await postActiveOrg(postJson("/active-org", { orgId: "org_demo_bella" }, await signInAs("user_demo_olivia")));
    const { status, body } = await answer(response);
    expect(status).toBe(403);
    expect(body).toMatchObject({ success: false, code: "FORBIDDEN" });
    expect(sessionSetBy(response)).toBeNull();
  });

  it("refuses an organization that does not exist with 403 FORBIDDEN", async () => {
    const response = await postActiveOrg(postJson("/active-org", { orgId: "org_unknown" }, await signInAs("user_demo_mia")));
    expect((await answer(response)).body).toMatchObject({ code: "FORBIDDEN" });
  });

  it("can leave no organization active", async () => {
    const { body } = await answer(await postActiveOrg(postJson("/active-org", { orgId: null }, await signInAs("user_demo_mia"))));
    expect(body.data).toMatchObject({ activeOrgId: null });
  });

  it("answers 401 UNAUTHENTICATED when signed out", async () => {
    const { status, body } = await answer(await postActiveOrg(postJson("/active-org", { orgId: "org_demo_acme" })));
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("organization sync", () => {
  const mia = ["org_demo_acme", "org_demo_bella"];

  it("switches to an organization of the user named by the URL", () => {
    expect(orgToActivate("/org/org_demo_bella", "org_demo_acme", mia)).toBe("org_demo_bella");
    expect(orgToActivate("/org/org_demo_bella/settings/members", null, mia)).toBe("org_demo_bella");
  });

  it("leaves the active organization unchanged for a non-member organization", () => {
    expect(orgToActivate("/org/org_someone_else/dashboard", "org_demo_acme", mia)).toBeNull();
  });

  it("does nothing for the active organization or paths outside /org", () => {
    expect(orgToActivate("/org/org_demo_acme", "org_demo_acme", mia)).toBeNull();
    expect(orgToActivate("/organizations/org_demo_bella", "org_demo_acme", mia)).toBeNull();
    expect(orgToActivate("/select-org", "org_demo_acme", mia)).toBeNull();
  });

  it("reads the org id out of the path", () => {
    expect(orgIdInPath("/org/org_a")).toBe("org_a");
    expect(orgIdInPath("/org/org_a/agents/x")).toBe("org_a");
    expect(orgIdInPath("/org")).toBeNull();
    expect(isProtectedPath("/org")).toBe(true);
    expect(isProtectedPath("/select-org")).toBe(true);
    expect(isProtectedPath("/sign-in")).toBe(false);
    expect(isProtectedPath("/api/local-auth/token")).toBe(false);
  });
});

function pageRequest(pathname: string, session?: string): NextRequest {
  return new NextRequest(pageUrl(pathname), { headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {} });
}

describe("localProxy", () => {
  it("sends signed-out visitors of org pages to sign-in and back", async () => {
    const response = await localProxy(pageRequest("/org/org_demo_acme/settings?tab=bot"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      pageUrl(`/sign-in?redirect_url=${encodeURIComponent("/org/org_demo_acme/settings?tab=bot")}`),
    );
  });

  it("sends a tampered session to sign-in too", async () => {
    const response = await localProxy(pageRequest("/select-org", "eyJhbGciOiJub25lIn0.e30."));
    expect(response.headers.get("location")).toBe(pageUrl(`/sign-in?redirect_url=${encodeURIComponent("/select-org")}`));
  });

  it("lets public pages through without a session", async () => {
    const response = await localProxy(pageRequest("/"));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("makes a member organization in the URL the active one, for this very request too", async () => {
    const response = await localProxy(pageRequest("/org/org_demo_bella/settings", await signInAs("user_demo_mia")));
    const session = await unsealSession(sessionSetBy(response) ?? "");
    expect(session).toEqual({ userId: "user_demo_mia", orgId: "org_demo_bella" });
    // Next.js forwards overridden request headers this way; the page sees the new cookie.
    expect(response.headers.get("x-middleware-override-headers")).toContain("cookie");
    expect(response.headers.get("x-middleware-request-cookie")).toContain(SESSION_COOKIE);
  });

  it("leaves the session unchanged for a non-member organization", async () => {
    const session = await signInAs("user_demo_olivia");
    const response = await localProxy(pageRequest("/org/org_demo_bella", session));
    expect(response.headers.get("location")).toBeNull();
    expect(sessionSetBy(response)).toBeNull();
    const state = await readSession(session);
    expect(state?.activeOrg?.id).toBe("org_demo_acme");
  });
});

describe("when AUTH_PROVIDER is not local", () => {
  it("the endpoints do not exist", async () => {
    vi.stubEnv("AUTH_PROVIDER", "clerk");
    expect((await postSignIn(postJson("/sign-in", { userId: "user_demo_mia" }))).status).toBe(404);
    expect((await getToken(get("/token"))).status).toBe(404);
  });
});

import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import { readOrgClaims } from "@/lib/auth/claims";
import { readDirectory } from "@/lib/auth/local/directory";
import { getToken, getWellKnownDocument, postActiveOrg } from "@/app/_lib/auth/local/handlers";
import { findUser, orgsOf } from "@/lib/auth/local/model";
import { issueConvexToken, sealSession, unsealSession } from "@/lib/auth/local/tokens";
import { answer, get, ISSUER, postJson, sessionSetBy, setUpLocalAuthEnvironment, signInAs } from "./local-auth-setup";

setUpLocalAuthEnvironment();

async function servedKeys() {
  const response = await getWellKnownDocument(".well-known", "jwks.json");
  expect(response.status).toBe(200);
  return createLocalJWKSet((await response.json()) as JSONWebKeySet);
}

async function tokenFor(session: string): Promise<string> {
  const { status, body } = await answer(await getToken(get("/token", session)));
  expect(status).toBe(200);
  return String(body.data?.token);
}

async function demoSubject(userId: string) {
  const directory = await readDirectory();
  const user = findUser(directory, userId);
  if (user === null) throw new Error(`no demo user ${userId}`);
  return { user, org: orgsOf(directory, userId)[0] ?? null };
}

describe("GET /.well-known/openid-configuration", () => {
  it("names the configured issuer and its JWKS", async () => {
    const { status, body } = await answer(await getWellKnownDocument(".well-known", "openid-configuration"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ["RS256"],
    });
  });

  it("knows no other well-known document", async () => {
    expect((await getWellKnownDocument(".well-known", "security.txt")).status).toBe(404);
    expect((await getWellKnownDocument("well-known", "jwks.json")).status).toBe(404);
  });
});

describe("GET /token", () => {
  it("issues exactly the claims of Clerk's convex template, verifiable with the served JWKS", async () => {
    const session = await signInAs("user_demo_olivia");
    const token = await tokenFor(session);
    const { payload } = await jwtVerify(token, await servedKeys(), { issuer: ISSUER, audience: "convex" });
    expect(Object.keys(payload).sort()).toEqual(
      ["aud", "email", "exp", "iat", "iss", "name", "org_id", "org_name", "org_role", "org_slug", "sub"].sort(),
    );
    expect(payload).toMatchObject({
      sub: "user_demo_olivia",
      iss: ISSUER,
      aud: "convex",
      email: "olivia@acme.example",
      name: "Olivia Owner",
      org_id: "org_demo_acme",
      org_role: "org:owner",
      org_slug: "acme-vendas",
      org_name: "Acme Vendas",
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(readOrgClaims(payload)).toEqual({ orgId: "org_demo_acme", role: "owner", slug: "acme-vendas" });
  });

  it("puts the key id of the served key in the header", async () => {
    const token = await tokenFor(await signInAs("user_demo_adam"));
    const response = await getWellKnownDocument(".well-known", "jwks.json");
    const { keys } = (await response.json()) as JSONWebKeySet;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", kid: keys[0]?.kid, typ: "JWT" });
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("follows the active organization", async () => {
    const session = await signInAs("user_demo_mia");
    const switched = await postActiveOrg(postJson("/active-org", { orgId: "org_demo_bella" }, session));
    const { payload } = await jwtVerify(await tokenFor(sessionSetBy(switched) ?? ""), await servedKeys(), { issuer: ISSUER, audience: "convex" });
    expect(payload).toMatchObject({ org_id: "org_demo_bella", org_role: "org:member", org_name: "Bella Imóveis" });
  });

  it("carries no org claims when no organization is active", async () => {
    const session = await signInAs("user_demo_mia");
    const cleared = await postActiveOrg(postJson("/active-org", { orgId: null }, session));
    const { payload } = await jwtVerify(await tokenFor(sessionSetBy(cleared) ?? ""), await servedKeys(), { issuer: ISSUER, audience: "convex" });
    expect(Object.keys(payload).sort()).toEqual(["aud", "email", "exp", "iat", "iss", "name", "sub"]);
  });

  it("answers 401 UNAUTHENTICATED when signed out", async () => {
    const { status, body } = await answer(await getToken(get("/token")));
    expect(status).toBe(401);
    expect(body).toMatchObject({ success: false, code: "UNAUTHENTICATED" });
  });

  it("issues tokens that jose refuses once expired", async () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const { token } = await issueConvexToken(await demoSubject("user_demo_olivia"), tenMinutesAgo);
    await expect(jwtVerify(token, await servedKeys(), { issuer: ISSUER, audience: "convex" })).rejects.toMatchObject({
      code: "ERR_JWT_EXPIRED",
    });
  });

  it("issues tokens a verifier expecting another issuer refuses", async () => {
    const { token } = await issueConvexToken(await demoSubject("user_demo_olivia"));
    await expect(jwtVerify(token, await servedKeys(), { issuer: "https://elsewhere.example" })).rejects.toMatchObject({
      code: "ERR_JWT_CLAIM_VALIDATION_FAILED",
    });
  });
});

/** Replaces the payload of a JWT, keeping its header and signature. */
function withPayload(jwt: string, change: (payload: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = jwt.split(".");
  const decoded = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify(change(decoded))).toString("base64url"), signature].join(".");
}

describe("the session cookie", () => {
  it("round-trips the user and the active organization", async () => {
    const sealed = await sealSession({ userId: "user_demo_mia", orgId: "org_demo_bella" });
    expect(await unsealSession(sealed)).toEqual({ userId: "user_demo_mia", orgId: "org_demo_bella" });
  });

  it("is refused once tampered with", async () => {
    const session = await signInAs("user_demo_mia");
    const forged = withPayload(session, (payload) => ({ ...payload, sub: "user_demo_olivia" }));
    expect(await unsealSession(forged)).toBeNull();
    const { status, body } = await answer(await getToken(get("/token", forged)));
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is refused when it names another organization than it was signed with", async () => {
    const session = await signInAs("user_demo_olivia");
    expect(await unsealSession(withPayload(session, (payload) => ({ ...payload, org: "org_demo_bella" })))).toBeNull();
  });

  it("is not a Convex token, and a Convex token is not a session", async () => {
    const session = await signInAs("user_demo_olivia");
    await expect(jwtVerify(session, await servedKeys(), { issuer: ISSUER, audience: "convex" })).rejects.toMatchObject({
      code: "ERR_JWT_CLAIM_VALIDATION_FAILED",
    });
    const convexToken = await tokenFor(session);
    expect(await unsealSession(convexToken)).toBeNull();
  });

  it("is refused when expired", async () => {
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 24 * 60 * 60;
    expect(await unsealSession(await sealSession({ userId: "user_demo_mia", orgId: null }, eightDaysAgo))).toBeNull();
  });

  it("is refused when it is garbage", async () => {
    expect(await unsealSession("not-a-jwt")).toBeNull();
    expect(await unsealSession(undefined)).toBeNull();
  });
});

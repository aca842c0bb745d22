import { ConvexHttpClient, type ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import type { RunningEngine } from "../../tools/convex-engine";
import {
  APP_CONVEX_DIR,
  authenticate,
  cleanup,
  connect,
  newDataDir,
  newMember,
  startContractEngine,
  startIssuer,
  type Claims,
  type Issuer,
} from "./harness";
import { Live } from "./live";

const applyChange = makeFunctionReference<"mutation">("clerk:applyChange");

let issuer: Issuer;
let stranger: Issuer;
let engine: RunningEngine;
let dataDir: string;
const clients: ConvexClient[] = [];

beforeAll(async () => {
  issuer = await startIssuer();
  stranger = await startIssuer();
  dataDir = newDataDir();
  engine = await startContractEngine({ issuer, dataDir, convexDir: APP_CONVEX_DIR });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await engine?.stop();
  await Promise.all([issuer?.close(), stranger?.close()]);
  cleanup(dataDir);
});

function client(): ConvexClient {
  const created = connect(engine.url);
  clients.push(created);
  return created;
}

async function signedIn(member: Claims) {
  const signedInClient = client();
  expect(await authenticate(signedInClient, () => issuer.sign(member))).toBe(true);
  await signedInClient.mutation(api.viewer.provision, {});
  return signedInClient;
}

async function httpClientFor(member: Claims): Promise<ConvexHttpClient> {
  const http = new ConvexHttpClient(engine.url, { logger: false });
  http.setAuth(await issuer.sign(member));
  return http;
}

describe("identity", () => {
  it("lets functions see who the verified token names, with its organization claims", async () => {
    const member = newMember("org:admin");
    const viewer = await (await signedIn(member)).query(api.viewer.get, {});
    expect(viewer).toMatchObject({
      externalId: member.sub,
      name: member.name,
      email: member.email,
      org: { externalId: member.org_id, name: member.org_name, slug: member.org_slug },
      role: "admin",
    });
  });

  it("forgets the identity on clearAuth: a live query turns into UNAUTHENTICATED with its code intact", async () => {
    const signedInClient = await signedIn(newMember());
    const viewer = new Live(signedInClient, api.viewer.get, {});
    await viewer.value();

    signedInClient.client.clearAuth();

    expect((await viewer.error("UNAUTHENTICATED")).data).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses an expired token, so the client reports it is not signed in", async () => {
    const member = newMember();
    expect(await authenticate(client(), () => issuer.sign(member, { expired: true }))).toBe(false);
  });

  it("refuses a token from an issuer auth.config.ts does not name", async () => {
    expect(await authenticate(client(), () => stranger.sign(newMember()))).toBe(false);
  });

  it("answers HTTP calls as the bearer of a verified token", async () => {
    const member = newMember();
    await signedIn(member);
    const http = await httpClientFor(member);
    expect(await http.query(api.viewer.get, {})).toMatchObject({ externalId: member.sub });
  });

  it("refuses an HTTP call whose bearer token does not verify", async () => {
    const http = new ConvexHttpClient(engine.url, { logger: false });
    http.setAuth(await stranger.sign(newMember()));
    await expect(http.query(api.viewer.get, {})).rejects.toThrow(/Unauthenticated/);
  });
});

describe("errors", () => {
  it("keeps a ConvexError's data over the WebSocket, for queries and mutations", async () => {
    const member = newMember();
    const signedInClient = await signedIn(member);
    const elsewhere = new Live(signedInClient, api.organizations.current, { orgId: "org_someone_else" });
    expect((await elsewhere.error("ORG_MISMATCH")).data).toMatchObject({ code: "ORG_MISMATCH" });
    await expect(
      signedInClient.mutation(api.organizations.setTimezone, { orgId: "org_someone_else", timezone: "Europe/Paris" }),
    ).rejects.toMatchObject({ data: { code: "ORG_MISMATCH" } });
  });

  it("keeps a ConvexError's data over HTTP", async () => {
    const member = newMember();
    await signedIn(member);
    const http = await httpClientFor(member);
    await expect(http.query(api.organizations.current, { orgId: "org_someone_else" })).rejects.toMatchObject({
      data: { code: "ORG_MISMATCH" },
    });
  });

  it("refuses internal functions to clients, over the WebSocket and over HTTP", async () => {
    const member = newMember();
    const signedInClient = await signedIn(member);
    await expect(signedInClient.mutation(applyChange, {})).rejects.toThrow(/Could not find public function for 'clerk:applyChange'/);
    const http = await httpClientFor(member);
    await expect(http.mutation(applyChange, {})).rejects.toThrow(/Could not find public function for 'clerk:applyChange'/);
  });

  it("refuses a function called as another type, and a function that does not exist", async () => {
    const signedInClient = await signedIn(newMember());
    const viewerGetAsAction = makeFunctionReference<"action">("viewer:get");
    await expect(signedInClient.action(viewerGetAsAction, {})).rejects.toThrow(/viewer:get as Action, but it is defined as Query/);
    await expect(signedInClient.query(makeFunctionReference<"query">("viewer:nothing"), {})).rejects.toThrow(
      /Could not find public function for 'viewer:nothing'/,
    );
  });

  it("answers the dev runner's health check", async () => {
    expect((await fetch(`${engine.url}/version`)).status).toBe(200);
  });
});

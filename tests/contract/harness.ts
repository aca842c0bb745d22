/**
 * What every contract test needs: a local RS256 issuer like Clerk's (OIDC discovery + JWKS), the
 * engine started in-process on free ports, and the official Convex clients pointed at it.
 */
import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConvexClient } from "convex/browser";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey } from "jose";
import WebSocket from "ws";
import { startEngine, type RunningEngine } from "../../tools/convex-engine";
import { CLERK_WEBHOOK_SECRET, signedClerkRequest } from "../fixtures/clerk";

export const APP_CONVEX_DIR = fileURLToPath(new URL("../../convex", import.meta.url));
const PROBE_MODULE = fileURLToPath(new URL("./fixtures/probe.ts", import.meta.url));
/** Every wait in these tests is bounded; a failure names what it was waiting for. */
export const WAIT_MS = 10_000;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`);
    }),
  );
}

export type Issuer = {
  url: string;
  /** A token with Clerk-like claims, `aud: "convex"`; `expired` makes one that expired a minute ago. */
  sign(claims: Claims, options?: { expired?: boolean }): Promise<string>;
  close(): Promise<void>;
};

export type Claims = { sub: string; [claim: string]: unknown };

export async function startIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "contract-key", alg: "RS256", use: "sig" };
  let url = "";
  const server = createServer((request, response) => {
    const body =
      request.url === "/.well-known/openid-configuration"
        ? { issuer: url, jwks_uri: `${url}/.well-known/jwks.json` }
        : request.url === "/.well-known/jwks.json"
          ? { keys: [jwk] }
          : null;
    response.writeHead(body === null ? 404 : 200, { "content-type": "application/json" });
    response.end(JSON.stringify(body ?? { error: "not found" }));
  });
  url = await listen(server);
  return {
    url,
    sign: (claims, options = {}) => signToken(privateKey, url, claims, options.expired ?? false),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function signToken(key: CryptoKey, issuer: string, claims: Claims, expired: boolean): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: "contract-key", typ: "JWT" })
    .setIssuer(issuer)
    .setAudience("convex")
    .setIssuedAt(expired ? now - 120 : now)
    .setExpirationTime(expired ? now - 60 : now + 3600)
    .sign(key);
}

let people = 0;

export type Member = Claims & { name: string; email: string; org_id: string; org_role: string; org_slug: string; org_name: string };

/** A person acting in their own organization, as Clerk's "convex" JWT template would describe them. */
export function newMember(role = "org:admin"): Member {
  const n = ++people;
  return {
    sub: `user_contract_${n}`,
    name: `Member ${n}`,
    email: `member${n}@example.com`,
    org_id: `org_contract_${n}`,
    org_role: role,
    org_slug: `contract-${n}`,
    org_name: `Contract Org ${n}`,
  };
}

/** The app's convex/ with test-only `probe:*` functions beside it (symlinks, removed by `cleanup`). */
export function convexDirWithProbe(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "spindesk-convex-"));
  for (const entry of readdirSync(APP_CONVEX_DIR)) symlinkSync(path.join(APP_CONVEX_DIR, entry), path.join(dir, entry));
  symlinkSync(PROBE_MODULE, path.join(dir, "probe.ts"));
  return dir;
}

export function newDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "spindesk-engine-data-"));
}

export function cleanup(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

export type EngineSetup = { issuer: Issuer; dataDir: string; convexDir: string; port?: number; compactLogBytes?: number };

export function startContractEngine({ issuer, dataDir, convexDir, port = 0, compactLogBytes }: EngineSetup): Promise<RunningEngine> {
  return startEngine({
    port,
    sitePort: 0,
    dataDir,
    convexDir,
    compactLogBytes,
    env: { LOCAL_AUTH_ISSUER: issuer.url, CLERK_WEBHOOK_SECRET, NODE_ENV: "test" },
  });
}

/** The official client, as a browser tab would use it (Node needs a WebSocket implementation). */
export function connect(url: string): ConvexClient {
  return new ConvexClient(url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    unsavedChangesWarning: false,
    logger: false,
  });
}

/** Resolves with the first verdict the client reports for this token source. */
export function authenticate(client: ConvexClient, fetchToken: () => Promise<string | null>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no auth verdict")), WAIT_MS);
    client.setAuth(fetchToken, (isAuthenticated) => {
      clearTimeout(timer);
      resolve(isAuthenticated);
    });
  });
}

export async function deliverClerkEvent(siteUrl: string, payload: unknown): Promise<{ status: number; body: unknown }> {
  const { headers, body } = signedClerkRequest(payload);
  const response = await fetch(`${siteUrl}/webhooks/clerk`, { method: "POST", headers, body });
  return { status: response.status, body: await response.json() };
}

export type ContractEnv = { issuer: Issuer; engine: RunningEngine; dataDir: string; convexDir: string };

/**
 * Registers the hooks every contract file needs: a local issuer and an engine on a fresh data dir
 * (with the probe functions when asked), stopped and removed after the file. A file's own afterAll
 * (closing its clients) runs first: vitest runs "after" hooks in reverse order.
 */
export function setUpContractEngine(options: { withProbe?: boolean } = {}): ContractEnv {
  const env = {} as ContractEnv;
  beforeAll(async () => {
    env.issuer = await startIssuer();
    env.dataDir = newDataDir();
    env.convexDir = options.withProbe ? convexDirWithProbe() : APP_CONVEX_DIR;
    env.engine = await startContractEngine(env);
  });
  afterAll(async () => {
    await env.engine?.stop();
    await env.issuer?.close();
    cleanup(...[env.dataDir, options.withProbe ? env.convexDir : undefined].filter((dir): dir is string => dir !== undefined));
  });
  return env;
}

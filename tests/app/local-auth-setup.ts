import { copyFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Webhook } from "svix";
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/local/config";
import { postSignIn } from "@/app/_lib/auth/local/handlers";
import { signingKey } from "@/lib/auth/local/keys";
import { parseClerkEvent } from "@/lib/clerk/events";

/** Shared by tests/app/local-auth-*.test.ts: a fresh data dir per test, requests like a browser's. */

export const ISSUER = "http://localhost:3000/api/local-auth";
const APP = "http://localhost:3000";

export type Answer = { status: number; body: Record<string, unknown> & { data?: Record<string, unknown> } };

/**
 * Every test gets its own empty LOCAL_AUTH_DATA_DIR with `AUTH_PROVIDER=local`. The RSA key is made
 * once per file and copied in, so tests stay fast; the directory state always starts empty.
 */
export function setUpLocalAuthEnvironment(): { dataDir: () => string } {
  let keySource = "";
  let dataDir = "";
  beforeAll(async () => {
    keySource = await mkdtemp(path.join(os.tmpdir(), "spindesk-local-auth-key-"));
    vi.stubEnv("LOCAL_AUTH_DATA_DIR", keySource);
    await signingKey();
    vi.unstubAllEnvs();
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "spindesk-local-auth-"));
    await copyFile(path.join(keySource, "signing-key.json"), path.join(dataDir, "signing-key.json"));
    vi.stubEnv("AUTH_PROVIDER", "local");
    vi.stubEnv("LOCAL_AUTH_DATA_DIR", dataDir);
    vi.stubEnv("LOCAL_AUTH_ISSUER", ISSUER);
    vi.stubEnv("CONVEX_SITE_URL", "");
    vi.stubEnv("CLERK_WEBHOOK_SECRET", "");
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    await rm(dataDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await rm(keySource, { recursive: true, force: true });
  });
  return { dataDir: () => dataDir };
}

function cookieHeader(session?: string): Record<string, string> {
  return session === undefined ? {} : { cookie: `${SESSION_COOKIE}=${session}` };
}

export function postJson(route: string, body: unknown, session?: string): Request {
  return new Request(`${ISSUER}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...cookieHeader(session) },
    body: JSON.stringify(body),
  });
}

export function get(route: string, session?: string): Request {
  return new Request(`${ISSUER}${route}`, { headers: cookieHeader(session) });
}

export function pageUrl(pathname: string): string {
  return `${APP}${pathname}`;
}

export async function answer(response: Response): Promise<Answer> {
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** The session cookie a response sets (`""` when it clears it), or null when it sets none. */
export function sessionSetBy(response: Response): string | null {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const separator = pair.indexOf("=");
    if (pair.slice(0, separator) === SESSION_COOKIE) return pair.slice(separator + 1);
  }
  return null;
}

/** Signs in through POST /sign-in and returns the session cookie's value. */
export async function signInAs(userId: string): Promise<string> {
  const response = await postSignIn(postJson("/sign-in", { userId }));
  expect(response.status).toBe(200);
  const session = sessionSetBy(response);
  expect(session).toBeTruthy();
  return session ?? "";
}

const WEBHOOK_SECRET = "whsec_c3BpbmRlc2stbG9jYWwtYXV0aC10ZXN0LXNlY3JldA==";

/**
 * Points the local issuer's Clerk-style webhooks at a fake Convex; the function it returns answers
 * what Convex was told, each delivery verified and parsed as Convex does.
 */
export function captureConvexEvents() {
  const bodies: Array<{ headers: Record<string, string>; body: string }> = [];
  vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
  vi.stubEnv("CLERK_WEBHOOK_SECRET", WEBHOOK_SECRET);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init?: RequestInit) => {
      bodies.push({ headers: init?.headers as Record<string, string>, body: String(init?.body) });
      return new Response("{}", { status: 200 });
    }),
  );
  return () =>
    bodies.map(({ headers, body }) => {
      new Webhook(WEBHOOK_SECRET).verify(body, headers);
      const parsed = parseClerkEvent(JSON.parse(body));
      if (parsed.status !== "change") throw new Error(`unexpected ${parsed.status}`);
      return parsed.change;
    });
}

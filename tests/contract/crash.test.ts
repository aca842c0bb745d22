import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatureHeaders, TS1, upsert } from "../fixtures/evolution";
import { startEngineProcess, type EngineProcess } from "./engine-process";
import { cleanup, connect, convexDirWithProbe, newDataDir, startIssuer, type Issuer } from "./harness";

/**
 * `kill -9` of the engine in the middle of a burst of signed WhatsApp webhooks and ConvexClient
 * mutations, then a restart on the same data directory: everything that was acknowledged is
 * stored exactly once, and redelivering it changes nothing.
 */

const ORG = "org_crash";
const INSTANCE = "sd-crashagent01";
const SECRET = "c3".repeat(32);
const DELIVERIES = 2_000;
const MUTATIONS = 200;
/** The kill comes once this many webhooks were answered: mid-stream, with many still in flight. */
const KILL_AFTER = 500;
/** Deliveries in flight at once. */
const SENDERS = 64;

const seedAgent = makeFunctionReference<"mutation", { orgExternalId: string; instanceName: string; secret: string }, null>("probe:seedWebhookAgent");
const appendAudit = makeFunctionReference<"mutation", { orgExternalId: string; action: string }, null>("probe:appendAudit");
const auditCounts = makeFunctionReference<"query", { orgExternalId: string }, Record<string, number>>("probe:auditCounts");
const messageCounts = makeFunctionReference<"query", { instanceName: string; externalIds: string[] }, number[]>("probe:messageCounts");

let issuer: Issuer;
let dataDir: string;
let convexDir: string;
let engine: EngineProcess | null = null;

beforeAll(async () => {
  issuer = await startIssuer();
  dataDir = newDataDir();
  convexDir = convexDirWithProbe();
});

afterAll(async () => {
  await engine?.kill("SIGTERM");
  await issuer?.close();
  cleanup(dataDir, convexDir);
});

const messageId = (i: number) => `CRASH${String(i).padStart(6, "0")}`;
const bodyOf = (i: number) =>
  JSON.stringify(upsert({ id: messageId(i), instance: INSTANCE, remoteJid: `55119${String(i % 25).padStart(8, "0")}@s.whatsapp.net`, timestamp: TS1 + i }));

async function deliver(siteUrl: string, i: number): Promise<{ status: number; outcome?: unknown }> {
  const body = bodyOf(i);
  const response = await fetch(`${siteUrl}/webhooks/whatsapp`, { method: "POST", headers: await signatureHeaders(SECRET, body), body });
  const answer = (await response.json()) as { outcome?: unknown };
  return { status: response.status, outcome: answer.outcome };
}

/** Runs `work` for every index with at most `parallel` in flight. */
async function pool(count: number, parallel: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) await work(next++);
  }));
}

describe("crash safety", () => {
  it("keeps every answered webhook and returned mutation exactly once across a SIGKILL", { timeout: 120_000 }, async () => {
    engine = await startEngineProcess({ dataDir, convexDir, issuerUrl: issuer.url });
    const { port, sitePort, siteUrl } = engine;
    await new ConvexHttpClient(engine.url, { logger: false }).mutation(seedAgent, { orgExternalId: ORG, instanceName: INSTANCE, secret: SECRET });
    const client = connect(engine.url);

    let killed = false;
    const answered: number[] = [];
    let refused = 0;
    const kill = () => {
      killed = true;
      void engine?.kill("SIGKILL");
    };
    // A steady stream with many deliveries in flight, as Evolution sends them: the kill lands mid-stream.
    const webhooks = pool(DELIVERIES, SENDERS, async (i) => {
      const delivered = await deliver(siteUrl, i).catch(() => null);
      if (delivered === null) {
        refused += 1;
        return;
      }
      expect(delivered).toEqual({ status: 200, outcome: "stored" });
      answered.push(i);
      if (answered.length === KILL_AFTER) kill();
    });
    let restarted = false;
    const returned: number[] = [];
    const mutations = Array.from({ length: MUTATIONS }, (_, i) =>
      client.mutation(appendAudit, { orgExternalId: ORG, action: `m${i}` }).then(() => {
        if (!restarted) returned.push(i);
      }),
    );
    await webhooks;
    expect(killed).toBe(true);
    expect(refused).toBeGreaterThan(0);
    restarted = true;

    engine = await startEngineProcess({ dataDir, convexDir, issuerUrl: issuer.url, port, sitePort });
    const http = new ConvexHttpClient(engine.url, { logger: false });
    const ids = Array.from({ length: DELIVERIES }, (_, i) => messageId(i));
    const stored = await http.query(messageCounts, { instanceName: INSTANCE, externalIds: ids });
    expect(answered.map((i) => stored[i])).toEqual(answered.map(() => 1));
    expect(stored.every((count) => count <= 1)).toBe(true);

    const redelivered: unknown[] = [];
    await pool(answered.length, 32, async (n) => {
      const { status, outcome } = await deliver(engine!.siteUrl, answered[n]!);
      redelivered.push(status === 200 ? outcome : status);
    });
    expect(redelivered.filter((outcome) => outcome !== "duplicate")).toEqual([]);
    expect(await http.query(messageCounts, { instanceName: INSTANCE, externalIds: ids })).toEqual(stored);

    // The client reconnects by itself and re-sends what was unanswered; nothing runs twice.
    await Promise.all(mutations);
    const audit = await http.query(auditCounts, { orgExternalId: ORG });
    expect(returned.map((i) => audit[`m${i}`])).toEqual(returned.map(() => 1));
    expect(Array.from({ length: MUTATIONS }, (_, i) => audit[`m${i}`])).toEqual(Array.from({ length: MUTATIONS }, () => 1));
    await client.close();

    const storedTotal = stored.reduce((sum, count) => sum + count, 0);
    console.log(
      `crash test: ${answered.length} webhooks answered 200 before the SIGKILL, ${refused} cut off, ` +
        `${storedTotal} stored after the restart (${storedTotal - answered.length} of them unanswered), ` +
        `${redelivered.length} redeliveries all duplicates; ${returned.length}/${MUTATIONS} mutations had returned, all ${MUTATIONS} stored once`,
    );
  });
});

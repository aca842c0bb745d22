// @vitest-environment node
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ConvexClient } from "convex/browser";
import { afterAll, beforeAll, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { signatureHeaders, TS1, upsert } from "../fixtures/evolution";
import { startEngineProcess, type EngineProcess } from "../contract/engine-process";
import { authenticate, cleanup, connect, newDataDir, newMember, startIssuer, type Issuer } from "../contract/harness";
import { customerJid, writeSeededSnapshot } from "../contract/seeded-history";
import { ms, percentile, report, type BenchRow } from "./report";

/**
 * The offline engine as `npm run dev` runs it: its own process, signed WhatsApp webhooks through
 * its http-actions port from 16 concurrent senders, bot off. Throughput and latency at 1k, 10k and
 * 100k stored messages (seeded as a snapshot), with and without three open dashboard
 * subscriptions; then recovery from snapshot + log, and the sizes on disk. Printed, never asserted.
 * Deliveries are signed before each timed run (a real sender signs on its own machine, not on the
 * engine's two cores).
 */

const SIZES = [1_000, 10_000, 100_000];
const SENDERS = 16;
/** Deliveries before each size's first timed run, so the figures are the JIT-warm steady state. */
const WARMUP = 500;
const DELIVERIES = 1_000;
const ORG = "org_bench";
const INSTANCE = "sd-benchagent01";
const SECRET = "be".repeat(32);

let issuer: Issuer;
const dirs: string[] = [];

beforeAll(async () => {
  issuer = await startIssuer();
});

afterAll(async () => {
  await issuer?.close();
  cleanup(...dirs);
});

let delivered = 0;

/** `count` deliveries, signed before the clock starts: the sender's CPU is not the engine's. */
async function signedDeliveries(count: number) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const n = delivered++;
      const body = JSON.stringify(upsert({ id: `BENCH${String(n).padStart(8, "0")}`, instance: INSTANCE, remoteJid: customerJid(n), timestamp: TS1 + n }));
      return { body, headers: await signatureHeaders(SECRET, body) };
    }),
  );
}

/**
 * CPU time (ms) the engine's main thread has used: the figure that does not depend on what else
 * the machine runs. Linux's /proc (user + system ticks of 10 ms); NaN elsewhere.
 */
function mainThreadCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** `count` new customer messages from `SENDERS` concurrent senders: wall time, each latency, engine CPU. */
async function ingest(engine: EngineProcess, count: number) {
  const deliveries = await signedDeliveries(count);
  const cpuBefore = mainThreadCpuMs(engine.pid);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < count) {
        const { headers, body } = deliveries[next++]!;
        const sent = performance.now();
        const response = await fetch(`${engine.siteUrl}/webhooks/whatsapp`, { method: "POST", headers, body });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const engineMsPerMsg = Math.round(((mainThreadCpuMs(engine.pid) - cpuBefore) / count) * 100) / 100;
  return { msgPerS: Math.round(count / seconds), p50Ms: ms(percentile(latencies, 50)), p95Ms: ms(percentile(latencies, 95)), engineMsPerMsg };
}

/** Three dashboard views an open tab keeps subscribed; resolves once each has a first result. */
async function openDashboard(engine: EngineProcess): Promise<ConvexClient> {
  const client = connect(engine.url);
  const member = { ...newMember("org:admin"), org_id: ORG, org_slug: ORG };
  if (!(await authenticate(client, () => issuer.sign(member)))) throw new Error("the bench member was refused");
  await client.mutation(api.viewer.provision, {});
  const queries = [
    [api.metrics.overview, { orgId: ORG, window: "today" }],
    [api.metrics.trend, { orgId: ORG }],
    [api.metrics.live, { orgId: ORG }],
  ] as const;
  await Promise.all(
    queries.map(
      ([query, args]) =>
        new Promise<void>((resolve, reject) => {
          client.onUpdate(query, args as never, () => resolve(), reject);
        }),
    ),
  );
  return client;
}

function sizeOf(dir: string, match: RegExp): number {
  return readdirSync(dir)
    .filter((name) => match.test(name))
    .reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function recoveryMs(engine: EngineProcess): number {
  const line = engine.output.find((text) => text.includes("recovered"));
  return Number(/in (\d+) ms/.exec(line ?? "")?.[1] ?? NaN);
}

test("engine: webhook ingest at 1k/10k/100k stored messages, recovery, sizes", { timeout: 900_000 }, async () => {
  const throughput: BenchRow[] = [];
  const recovery: BenchRow[] = [];
  for (const stored of SIZES) {
    const dataDir = newDataDir();
    dirs.push(dataDir);
    const seedStarted = performance.now();
    await writeSeededSnapshot(dataDir, { messages: stored, orgExternalId: ORG, instanceName: INSTANCE, secret: SECRET });
    const seedMs = Math.round(performance.now() - seedStarted);
    let engine = await startEngineProcess({ dataDir, convexDir: "convex", issuerUrl: issuer.url });
    await ingest(engine, WARMUP);
    throughput.push({ stored, subscriptions: 0, ...(await ingest(engine, DELIVERIES)) });
    const dashboard = await openDashboard(engine);
    throughput.push({ stored, subscriptions: 3, ...(await ingest(engine, DELIVERIES)) });
    await dashboard.close();
    await engine.kill("SIGKILL");
    const logBytes = sizeOf(dataDir, /^wal-/);
    const startedAt = performance.now();
    engine = await startEngineProcess({ dataDir, convexDir: "convex", issuerUrl: issuer.url });
    const processMs = Math.round(performance.now() - startedAt);
    recovery.push({
      stored,
      seedMs,
      snapshot: mb(sizeOf(dataDir, /^snapshot\.jsonl$/)),
      log: mb(logBytes),
      recoveryMs: recoveryMs(engine),
      processStartMs: processMs,
    });
    await engine.kill("SIGTERM");
  }
  await report(`Engine: signed webhooks through the http port, ${SENDERS} senders, ${DELIVERIES} each (after ${WARMUP} warm-up)`, throughput);
  await report("Engine: recovery after SIGKILL (snapshot + log replay; processStartMs includes loading convex/)", recovery);
});

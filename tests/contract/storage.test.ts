import { existsSync, readFileSync, truncateSync } from "node:fs";
import path from "node:path";
import { ConvexHttpClient, type ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningEngine } from "../../tools/convex-engine";
import { MIN_TRANSITION_INTERVAL_MS } from "../../tools/convex-engine/sync-connection";
import { listSegments, segmentName } from "../../tools/convex-engine/wal";
import { cleanup, connect, newDataDir, setUpContractEngine, startContractEngine, WAIT_MS } from "./harness";
import { Live } from "./live";

type Counts = Record<string, number>;
const seedAgent = makeFunctionReference<"mutation", { orgExternalId: string; instanceName: string; secret: string }, null>("probe:seedWebhookAgent");
const appendAudit = makeFunctionReference<"mutation", { orgExternalId: string; action: string }, null>("probe:appendAudit");
const auditCounts = makeFunctionReference<"query", { orgExternalId: string }, Counts>("probe:auditCounts");
const addUser = makeFunctionReference<"mutation", { externalId: string }, null>("probe:addUser");

const env = setUpContractEngine({ withProbe: true });
const clients: ConvexClient[] = [];
const dataDirs: string[] = [];
let engine: RunningEngine | null = null;

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await engine?.stop();
  cleanup(...dataDirs);
});

async function freshEngine(options: { compactLogBytes?: number } = {}) {
  await engine?.stop();
  const dataDir = newDataDir();
  dataDirs.push(dataDir);
  engine = await startContractEngine({ issuer: env.issuer, dataDir, convexDir: env.convexDir, ...options });
  return dataDir;
}

async function restart(dataDir: string): Promise<ConvexHttpClient> {
  await engine?.stop();
  engine = await startContractEngine({ issuer: env.issuer, dataDir, convexDir: env.convexDir });
  return new ConvexHttpClient(engine.url, { logger: false });
}

async function writeAudits(http: ConvexHttpClient, org: string, actions: string[]): Promise<void> {
  for (const action of actions) await http.mutation(appendAudit, { orgExternalId: org, action });
}

/** Byte offsets where each record of a segment starts (`u32 length | u32 crc | payload`). */
function recordOffsets(file: string): number[] {
  const data = readFileSync(file);
  const offsets: number[] = [];
  for (let offset = 0; offset + 8 <= data.length; offset += 8 + data.readUInt32LE(offset)) offsets.push(offset);
  return offsets;
}

describe("write-ahead log", () => {
  it("recovers to the last whole transaction when the log ends in a torn record", async () => {
    const dataDir = await freshEngine();
    let http = new ConvexHttpClient(engine!.url, { logger: false });
    await http.mutation(seedAgent, { orgExternalId: "org_torn", instanceName: "sd-torn", secret: "t".repeat(64) });
    await writeAudits(http, "org_torn", ["a1", "a2", "a3"]);
    await engine!.stop();

    // Cut the last record (the transaction that wrote a3) in the middle, as a crash mid-write would.
    const file = path.join(dataDir, segmentName(listSegments(dataDir).at(-1)!));
    const last = recordOffsets(file).at(-1)!;
    expect(readFileSync(file).subarray(last).toString("utf8")).toContain('"a3"');
    truncateSync(file, last + 8 + 10);

    http = await restart(dataDir);
    expect(engine!.stats().recovery.tornBytes).toBe(18);
    expect(await http.query(auditCounts, { orgExternalId: "org_torn" })).toEqual({ a1: 1, a2: 1 });
    // The torn tail is gone from disk: later writes and restarts build on the whole records.
    await writeAudits(http, "org_torn", ["a4"]);
    http = await restart(dataDir);
    expect(engine!.stats().recovery.tornBytes).toBe(0);
    expect(await http.query(auditCounts, { orgExternalId: "org_torn" })).toEqual({ a1: 1, a2: 1, a4: 1 });
  });

  it("compacts a grown log into a snapshot, deletes the segments it covers, and recovers from both", async () => {
    const dataDir = await freshEngine({ compactLogBytes: 4_000 });
    let http = new ConvexHttpClient(engine!.url, { logger: false });
    await http.mutation(seedAgent, { orgExternalId: "org_compact", instanceName: "sd-compact", secret: "c".repeat(64) });
    const actions = Array.from({ length: 30 }, (_, i) => `c${i}`);
    await writeAudits(http, "org_compact", actions);
    const deadline = Date.now() + WAIT_MS;
    while (!(existsSync(path.join(dataDir, "snapshot.jsonl")) && listSegments(dataDir)[0]! > 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(existsSync(path.join(dataDir, "snapshot.jsonl"))).toBe(true);
    expect(listSegments(dataDir)).not.toContain(1);

    http = await restart(dataDir);
    expect(await http.query(auditCounts, { orgExternalId: "org_compact" })).toEqual(Object.fromEntries(actions.map((action) => [action, 1])));
  });
});

describe("subscriptions", () => {
  it("are not re-run by commits that write only tables they did not read", async () => {
    const client = connect(env.engine.url);
    clients.push(client);
    await client.mutation(seedAgent, { orgExternalId: "org_reads", instanceName: "sd-reads", secret: "r".repeat(64) });
    const counts = new Live<Counts>(client, auditCounts, { orgExternalId: "org_reads" });
    await counts.value(() => true, "the first result");
    const runs = env.engine.stats().subscriptionRuns;

    // A mutation resolves only after the Transition that follows it, so any re-run has happened.
    for (let i = 0; i < 3; i++) await client.mutation(addUser, { externalId: `reads_user_${i}` });
    expect(env.engine.stats().subscriptionRuns).toBe(runs);

    await client.mutation(appendAudit, { orgExternalId: "org_reads", action: "seen" });
    await counts.value((value) => value.seen === 1, "the audit row");
    expect(env.engine.stats().subscriptionRuns).toBe(runs + 1);
  });

  it("share one re-run per interval under a stream of another client's commits, and miss none of them", async () => {
    // An engine of its own: no other test's subscription is re-run by this stream.
    await freshEngine();
    const watcher = connect(engine!.url);
    const writer = connect(engine!.url);
    clients.push(watcher, writer);
    await writer.mutation(seedAgent, { orgExternalId: "org_stream", instanceName: "sd-stream", secret: "s".repeat(64) });
    const counts = new Live<Counts>(watcher, auditCounts, { orgExternalId: "org_stream" });
    await counts.value(() => true, "the first result");
    const runs = engine!.stats().subscriptionRuns;
    const started = performance.now();

    const COMMITS = 40;
    for (let i = 0; i < COMMITS; i++) await writer.mutation(appendAudit, { orgExternalId: "org_stream", action: "streamed" });
    await counts.value((value) => value.streamed === COMMITS, "every streamed row");

    // One run per interval at most, plus the one a commit just after the stream may start.
    const intervals = Math.ceil((performance.now() - started) / MIN_TRANSITION_INTERVAL_MS);
    const reRuns = engine!.stats().subscriptionRuns - runs;
    expect(reRuns).toBeGreaterThan(0);
    expect(reRuns).toBeLessThanOrEqual(intervals + 1);
    expect(reRuns).toBeLessThan(COMMITS);
  });

  it("answer the client's own mutation at once, without waiting for the connection's next slot", async () => {
    const client = connect(env.engine.url);
    clients.push(client);
    await client.mutation(seedAgent, { orgExternalId: "org_own", instanceName: "sd-own", secret: "o".repeat(64) });
    const counts = new Live<Counts>(client, auditCounts, { orgExternalId: "org_own" });
    await counts.value(() => true, "the first result");

    // Back to back: each resolves only once the client holds a result that includes it.
    for (let i = 1; i <= 5; i++) {
      await client.mutation(appendAudit, { orgExternalId: "org_own", action: "own" });
      expect(counts.latest.value?.own).toBe(i);
    }
  });
});

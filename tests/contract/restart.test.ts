import { ConvexHttpClient, type ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import type { RunningEngine } from "../../tools/convex-engine";
import {
  authenticate,
  cleanup,
  connect,
  convexDirWithProbe,
  newDataDir,
  newMember,
  startContractEngine,
  startIssuer,
  type Issuer,
  type Member,
} from "./harness";
import { Live } from "./live";

type ProbeArgs = { orgExternalId: string; action: string; delayMs: number };
const scheduleAudit = makeFunctionReference<"mutation", ProbeArgs, string>("probe:scheduleAudit");
const jobState = makeFunctionReference<"query", { jobId: string }, string | null>("probe:jobState");
/** Long enough that the engine is stopped before the job is due, short enough to wait for. */
const JOB_DELAY_MS = 3_000;

let issuer: Issuer;
let engine: RunningEngine;
let dataDir: string;
let convexDir: string;
let port: number;
const clients: ConvexClient[] = [];

beforeAll(async () => {
  issuer = await startIssuer();
  dataDir = newDataDir();
  convexDir = convexDirWithProbe();
  engine = await startContractEngine({ issuer, dataDir, convexDir });
  port = Number(new URL(engine.url).port);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await engine?.stop();
  await issuer?.close();
  cleanup(dataDir, convexDir);
});

/** Stops the engine and starts a new one on the same data directory and port. */
async function restart(): Promise<void> {
  await engine.stop();
  engine = await startContractEngine({ issuer, dataDir, convexDir, port });
}

async function signedInAdmin(): Promise<{ member: Member; client: ConvexClient }> {
  const member = newMember("org:admin");
  const client = connect(engine.url);
  clients.push(client);
  expect(await authenticate(client, () => issuer.sign(member))).toBe(true);
  await client.mutation(api.viewer.provision, {});
  return { member, client };
}

describe("restart", () => {
  it("keeps every document and its id, and a client reconnects by itself and keeps receiving updates", async () => {
    const { member, client } = await signedInAdmin();
    const orgId = member.org_id;
    await client.mutation(api.organizations.setTimezone, { orgId, timezone: "Europe/Lisbon" });
    const membersBefore = await client.query(api.organizations.members, { orgId });
    const current = new Live<{ timezone: string }>(client, api.organizations.current, { orgId });
    await current.value((org) => org.timezone === "Europe/Lisbon", "the time zone before the restart");

    await restart();

    const http = new ConvexHttpClient(engine.url, { logger: false });
    http.setAuth(await issuer.sign(member));
    expect(await http.query(api.organizations.members, { orgId })).toEqual(membersBefore);
    await http.mutation(api.organizations.setTimezone, { orgId, timezone: "Asia/Tokyo" });
    await current.value((org) => org.timezone === "Asia/Tokyo", "an update pushed by the restarted engine");
  });

  it("runs a scheduled function that was still pending when the engine stopped, under the same id", async () => {
    const { member, client } = await signedInAdmin();
    const orgId = member.org_id;
    const jobId = await client.mutation(scheduleAudit, { orgExternalId: orgId, action: "probe.after-restart", delayMs: JOB_DELAY_MS });

    await restart();

    const job = new Live<string | null>(client, jobState, { jobId });
    expect(await job.value((state) => state === "success", "the job to run after the restart")).toBe("success");
    const audit = await client.query(api.organizations.auditLog, { orgId, paginationOpts: { numItems: 10, cursor: null } });
    expect(audit.page.map((entry: { action: string }) => entry.action)).toContain("probe.after-restart");
  });
});

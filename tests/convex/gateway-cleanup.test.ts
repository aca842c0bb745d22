import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Doc } from "../../convex/_generated/dataModel";
import { CLEANUP_MAX_ATTEMPTS, CLEANUP_RETENTION_MS, cleanupRetryDelay } from "../../convex/model/gatewayCleanup";
import { TENANT_TABLES } from "../../convex/model/tenantRows";
import { CLERK_WEBHOOK_SECRET, deletedEvent, deliverClerkEvent } from "../fixtures/clerk";
import { createAgent, ORG, orgWithAdmin, type Scene } from "./agents-setup";

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubEnv("CLERK_WEBHOOK_SECRET", CLERK_WEBHOOK_SECRET);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** Org A with two numbers on the gateway (one connected) and one number removed earlier. */
async function orgWithNumbers() {
  const scene = await orgWithAdmin();
  const connected = await createAgent(scene, "Vendas");
  const pairing = await createAgent(scene, "Suporte");
  const removed = await createAgent(scene, "Antigo");
  await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId: removed.agentId });
  scene.gateway.setState(connected.instanceName, "open");
  scene.gateway.calls.length = 0;
  // Agent creation left audit entries and settled nothing else in the background.
  await scene.t.finishAllScheduledFunctions(vi.runAllTimers);
  return { scene, live: [connected.instanceName, pairing.instanceName].sort(), removed: removed.instanceName };
}

let svixIds = 0;

async function deleteOrgThroughWebhook(scene: Scene, svixId = `msg_cleanup_${++svixIds}`) {
  const response = await deliverClerkEvent(scene.t, deletedEvent("organization.deleted", ORG), { svixId });
  expect(response.status).toBe(200);
  return response.body;
}

const cleanups = (scene: Scene) =>
  scene.t.run(async (ctx) => (await ctx.db.query("gatewayCleanups").collect()).sort((a, b) => a.instanceName.localeCompare(b.instanceName)));

const scheduledRuns = (scene: Scene) =>
  scene.t.run(async (ctx) => (await ctx.db.system.query("_scheduled_functions").collect()).filter((job) => job.name.includes("gatewayCleanup:run")));

const runEverything = (scene: Scene) => scene.t.finishAllScheduledFunctions(vi.runAllTimers);

const callsFor = (scene: Scene, instanceName: string) =>
  scene.gateway.calls.filter((call) => call.instanceName === instanceName).map((call) => call.route);

const pick = (rows: Doc<"gatewayCleanups">[]) => rows.map(({ instanceName, state, attempts }) => ({ instanceName, state, attempts }));

describe("organization.deleted", () => {
  test("records a pending cleanup for every live number, in the transaction that deletes the org", async () => {
    const { scene, live } = await orgWithNumbers();

    await deleteOrgThroughWebhook(scene);

    expect(pick(await cleanups(scene))).toEqual(live.map((instanceName) => ({ instanceName, state: "pending", attempts: 0 })));
    expect((await scheduledRuns(scene)).map((job) => job.args[0])).toEqual(expect.arrayContaining(live.map((instanceName) => ({ instanceName }))));
    expect(await scheduledRuns(scene)).toHaveLength(live.length);
    // Nothing reached the gateway inside the webhook's answer.
    expect(scene.gateway.calls).toEqual([]);
  });

  test("logs out, then deletes each instance on the gateway and records it done", async () => {
    const { scene, live } = await orgWithNumbers();

    await deleteOrgThroughWebhook(scene);
    await runEverything(scene);

    for (const instanceName of live) {
      expect(callsFor(scene, instanceName).filter((route) => route !== "GET /instance/connectionState")).toEqual([
        "DELETE /instance/logout",
        "DELETE /instance/delete",
      ]);
      expect(scene.gateway.instances.has(instanceName)).toBe(false);
    }
    expect(pick(await cleanups(scene))).toEqual(live.map((instanceName) => ({ instanceName, state: "done", attempts: 1 })));
  });

  test("leaves a number removed earlier alone: its instance is already gone", async () => {
    const { scene, removed } = await orgWithNumbers();

    await deleteOrgThroughWebhook(scene);
    await runEverything(scene);

    expect(callsFor(scene, removed)).toEqual([]);
    expect((await cleanups(scene)).map((row) => row.instanceName)).not.toContain(removed);
  });

  test("still purges every row of the org, while the cleanup records outlive the purge", async () => {
    const { scene, live } = await orgWithNumbers();

    await deleteOrgThroughWebhook(scene);
    await runEverything(scene);

    const left = await scene.t.run(async (ctx) => {
      let rows = 0;
      for (const table of TENANT_TABLES) rows += (await ctx.db.query(table).collect()).filter((row) => row.orgId === scene.orgId).length;
      return rows;
    });
    expect(left).toBe(0);
    expect(await scene.t.run((ctx) => ctx.db.get("organizations", scene.orgId))).toMatchObject({ purgedAt: expect.any(Number) });
    expect((await cleanups(scene)).map((row) => row.instanceName)).toEqual(live);
  });

  test("retries a failing gateway with growing waits, then records the cleanup failed with the last error", async () => {
    const { scene, live } = await orgWithNumbers();
    scene.gateway.fail("DELETE /instance/logout", { status: 500 });

    await deleteOrgThroughWebhook(scene);
    await runEverything(scene);

    const rows = await cleanups(scene);
    expect(pick(rows)).toEqual(live.map((instanceName) => ({ instanceName, state: "failed", attempts: CLEANUP_MAX_ATTEMPTS })));
    expect(rows.every((row) => typeof row.lastError === "string" && row.lastError.length > 0 && row.finishedAt !== undefined)).toBe(true);
    for (const instanceName of live) {
      expect(callsFor(scene, instanceName).filter((route) => route === "DELETE /instance/logout")).toHaveLength(CLEANUP_MAX_ATTEMPTS);
    }
    const runs = await scheduledRuns(scene);
    expect(runs).toHaveLength(live.length * CLEANUP_MAX_ATTEMPTS);
    const times = runs.filter((job) => job.args[0].instanceName === live[0]).map((job) => job.scheduledTime).sort((a, b) => a - b);
    const waits = times.slice(1).map((time, index) => time - times[index]);
    waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(cleanupRetryDelay(index + 1)));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  });

  test("finishes on a later try once the gateway answers again", async () => {
    const { scene, live } = await orgWithNumbers();
    scene.gateway.fail("DELETE /instance/delete", "network");

    await deleteOrgThroughWebhook(scene);
    vi.runOnlyPendingTimers();
    await scene.t.finishInProgressScheduledFunctions();
    expect(pick(await cleanups(scene))).toEqual(live.map((instanceName) => ({ instanceName, state: "pending", attempts: 1 })));

    scene.gateway.heal();
    await runEverything(scene);

    expect(pick(await cleanups(scene))).toEqual(live.map((instanceName) => ({ instanceName, state: "done", attempts: 2 })));
    for (const instanceName of live) expect(scene.gateway.instances.has(instanceName)).toBe(false);
  });

  test("a replayed deletion (same delivery or a new one) schedules no second cleanup", async () => {
    const { scene } = await orgWithNumbers();
    await deleteOrgThroughWebhook(scene, "msg_cleanup_replayed");
    await runEverything(scene);
    const calls = scene.gateway.calls.length;
    const before = await cleanups(scene);

    expect(await deleteOrgThroughWebhook(scene, "msg_cleanup_replayed")).toMatchObject({ duplicate: true });
    expect(await deleteOrgThroughWebhook(scene)).toMatchObject({ duplicate: false });
    await runEverything(scene);

    expect(scene.gateway.calls).toHaveLength(calls);
    expect(await cleanups(scene)).toEqual(before);
  });
});

describe("recordAttempt", () => {
  test("ignores a try that is not the next one (a duplicate run)", async () => {
    const { scene, live } = await orgWithNumbers();
    await deleteOrgThroughWebhook(scene);
    const [instanceName] = live;
    const before = await cleanups(scene);

    await scene.t.mutation(internal.gatewayCleanup.recordAttempt, { instanceName, attempt: 3, error: null });

    expect(await cleanups(scene)).toEqual(before);
  });
});

describe("pruneFinished", () => {
  test("forgets done cleanups after the retention window and keeps failed ones for someone to look at", async () => {
    const scene = await orgWithAdmin();
    const old = Date.now() - CLEANUP_RETENTION_MS - 1;
    await scene.t.run(async (ctx) => {
      const base = { deletedOrgId: scene.orgId, attempts: 1, createdAt: old };
      await ctx.db.insert("gatewayCleanups", { ...base, instanceName: "old-done", state: "done", finishedAt: old });
      await ctx.db.insert("gatewayCleanups", { ...base, instanceName: "old-failed", state: "failed", finishedAt: old });
      await ctx.db.insert("gatewayCleanups", { ...base, instanceName: "recent-done", state: "done", finishedAt: Date.now() });
    });

    expect(await scene.t.mutation(internal.gatewayCleanup.pruneFinished, {})).toEqual({ deleted: 1 });

    expect((await cleanups(scene)).map((row) => row.instanceName)).toEqual(["old-failed", "recent-done"]);
  });
});

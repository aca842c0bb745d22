import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { SWEEP_PAGE } from "../../convex/agentHealth";
import { insertAgent } from "../fixtures/conversations";
import { insertOrg, insertTenantRows } from "../fixtures/rows";
import { agentRow, auditActions, createAgent, ORG, orgWithAdmin, type Scene } from "./agents-setup";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** An agent the gateway and SpinDesk both know as connected. */
async function connectedAgent(scene: Scene) {
  const { agentId, instanceName } = await createAgent(scene);
  scene.gateway.setState(instanceName, "open");
  await scene.t.run((ctx) => ctx.db.patch("agents", agentId, { status: "open", phoneNumber: "5511999990000" }));
  return { agentId, instanceName };
}

/** What the cron does: the sweep, then every check it scheduled. */
async function runHealthCheck(scene: Scene) {
  vi.useFakeTimers();
  await scene.t.mutation(internal.agentHealth.sweep, { cursor: null });
  await scene.t.finishAllScheduledFunctions(vi.runAllTimers);
}

describe("the health check", () => {
  test("marks a number the gateway reports closed as disconnected at once, and audits it", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await connectedAgent(scene);
    scene.gateway.setState(instanceName, "close");

    await runHealthCheck(scene);

    expect(await agentRow(scene.t, agentId)).toMatchObject({ status: "close", lastHealthError: "closed", healthCheckedAt: expect.any(Number) });
    expect((await auditActions(scene.t)).at(-1)).toEqual({ action: "agent.health_closed", actorUserId: undefined, target: `agent:${agentId}` });
    // Admins see why in the agents list.
    const [listed] = await scene.asAdmin.query(api.agents.list, { orgId: ORG });
    expect(listed).toMatchObject({ status: "close", lastHealthError: "closed", phoneNumber: "5511999990000" });
  });

  test("marks a number whose instance the gateway no longer knows as disconnected", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await connectedAgent(scene);
    scene.gateway.instances.delete(instanceName);

    await runHealthCheck(scene);

    expect(await agentRow(scene.t, agentId)).toMatchObject({ status: "close", lastHealthError: "unknown_instance" });
  });

  test("only records the time for a number the gateway reports open", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await connectedAgent(scene);
    await scene.t.run((ctx) => ctx.db.patch("agents", agentId, { lastHealthError: "unreachable" }));

    await runHealthCheck(scene);

    const row = await agentRow(scene.t, agentId);
    expect(row).toMatchObject({ status: "open", healthCheckedAt: expect.any(Number) });
    expect(row?.lastHealthError).toBeUndefined();
  });

  test("keeps the status when the gateway cannot be reached, and says so", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await connectedAgent(scene);
    scene.gateway.fail("GET /instance/connectionState", { status: 500 });

    await runHealthCheck(scene);

    expect(await agentRow(scene.t, agentId)).toMatchObject({ status: "open", lastHealthError: "unreachable" });
  });

  test("asks the gateway about connected agents only, never removed or disconnected ones", async () => {
    const scene = await orgWithAdmin();
    const { instanceName } = await connectedAgent(scene);
    await scene.t.run(async (ctx) => {
      await insertAgent(ctx, scene.orgId, { status: "close", instanceName: "closed-one" });
      await insertAgent(ctx, scene.orgId, { status: "open", instanceName: "removed-one", deletedAt: 1 });
    });

    await runHealthCheck(scene);

    expect(scene.gateway.callsTo("GET /instance/connectionState").map((call) => call.instanceName)).toEqual([instanceName]);
  });

  test("checks every connected agent of every organization, one bounded page of organizations at a time", async () => {
    const scene = await orgWithAdmin();
    const orgs = SWEEP_PAGE + 3;
    await scene.t.run(async (ctx) => {
      for (let index = 0; index < orgs; index++) {
        const orgId = index === 0 ? scene.orgId : await insertOrg(ctx, `org_${index}`);
        await insertAgent(ctx, orgId, { status: "open", instanceName: `gone-${index}` });
      }
    });

    await runHealthCheck(scene);

    // None of them exists on the gateway: every one is asked once and marked.
    expect(scene.gateway.callsTo("GET /instance/connectionState")).toHaveLength(orgs);
    const agents = await scene.t.run((ctx) => ctx.db.query("agents").collect());
    expect(agents.map((agent) => agent.status)).toEqual(Array.from({ length: orgs }, () => "close"));
  });

  test("recording a finding for another organization's agent answers NOT_FOUND", async () => {
    const scene = await orgWithAdmin();
    const rowsB = await scene.t.run(async (ctx) => insertTenantRows(ctx, await insertOrg(ctx, "org_b")));
    const attempt = scene.t.mutation(internal.agentHealth.record, { orgId: scene.orgId, agentId: rowsB.agentId as Id<"agents">, finding: "closed" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(await agentRow(scene.t, rowsB.agentId)).not.toHaveProperty("lastHealthError");
  });
});

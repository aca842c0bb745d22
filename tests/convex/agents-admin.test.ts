import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { identityWithRole } from "../fixtures/identities";
import { insertOrg, insertTenantRows } from "../fixtures/rows";
import { agentRow, auditActions, createAgent, insertConversation, ORG, orgWithAdmin, snapshot, type Scene } from "./agents-setup";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const ADMIN_ACTIONS = ["refreshQr", "disconnect", "remove", "rotateSecret"] as const;

function runAdminAction(caller: Scene["asAdmin"], name: (typeof ADMIN_ACTIONS)[number], agentId: Id<"agents">) {
  const args = { orgId: ORG, agentId };
  if (name === "refreshQr") return caller.action(api.agentGateway.refreshQr, args);
  if (name === "disconnect") return caller.action(api.agentGateway.disconnect, args);
  if (name === "remove") return caller.action(api.agentGateway.remove, args);
  return caller.action(api.agentGateway.rotateSecret, args);
}

describe.each(ADMIN_ACTIONS)("%s refusals", (name) => {
  test("refuses a member with FORBIDDEN and changes nothing", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    const before = await snapshot(scene.t);
    const callsBefore = scene.gateway.calls.length;

    await expect(runAdminAction(scene.asMember, name, agentId)).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await snapshot(scene.t)).toEqual(before);
    expect(scene.gateway.calls).toHaveLength(callsBefore);
  });

  test("answers NOT_FOUND for another organization's agent without touching the gateway", async () => {
    const scene = await orgWithAdmin();
    const rowsB = await scene.t.run(async (ctx) => insertTenantRows(ctx, await insertOrg(ctx, "org_b")));
    const before = await snapshot(scene.t);

    const attempt = runAdminAction(scene.t.withIdentity(identityWithRole("owner", ORG)), name, rowsB.agentId);
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(await snapshot(scene.t)).toEqual(before);
    expect(scene.gateway.calls).toHaveLength(0);
  });
});

describe("refreshQr", () => {
  test("stores the gateway's new QR while the phone is pairing", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    const firstQr = (await agentRow(scene.t, agentId))?.qrCode;

    await scene.asAdmin.action(api.agentGateway.refreshQr, { orgId: ORG, agentId });
    const row = await agentRow(scene.t, agentId);
    expect(row).toMatchObject({ status: "connecting", qrCode: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(row?.qrCode).not.toBe(firstQr);
    expect((await auditActions(scene.t)).at(-1)).toEqual({ action: "agent.qr_refreshed", actorUserId: scene.adminUserId, target: `agent:${agentId}` });
  });

  test("only refreshes the status once the phone is connected", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await createAgent(scene);
    scene.gateway.setState(instanceName, "open");

    await scene.asAdmin.action(api.agentGateway.refreshQr, { orgId: ORG, agentId });
    const row = await agentRow(scene.t, agentId);
    expect(row).toMatchObject({ status: "open" });
    expect(row?.qrCode).toBeUndefined();
  });
});

describe("disconnect", () => {
  test("logs the instance out, marks the agent closed and records who did it", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await createAgent(scene);
    scene.gateway.setState(instanceName, "open");
    await scene.t.run((ctx) => ctx.db.patch("agents", agentId, { status: "open", phoneNumber: "5511999990000" }));

    await scene.asAdmin.action(api.agentGateway.disconnect, { orgId: ORG, agentId });
    const row = await agentRow(scene.t, agentId);
    expect(row).toMatchObject({ status: "close" });
    expect(row?.qrCode).toBeUndefined();
    expect(scene.gateway.instances.get(instanceName)?.state).toBe("close");
    expect((await auditActions(scene.t)).at(-1)).toEqual({ action: "agent.disconnected", actorUserId: scene.adminUserId, target: `agent:${agentId}` });
  });

  test("succeeds when the instance is already logged out", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await createAgent(scene);
    scene.gateway.setState(instanceName, "close");
    await scene.asAdmin.action(api.agentGateway.disconnect, { orgId: ORG, agentId });
    expect(await agentRow(scene.t, agentId)).toMatchObject({ status: "close" });
  });

  test("keeps the agent as it was when the gateway fails (INTERNAL_ERROR)", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    const before = await snapshot(scene.t);
    scene.gateway.fail("DELETE /instance/logout", { status: 500 });
    await expect(scene.asAdmin.action(api.agentGateway.disconnect, { orgId: ORG, agentId })).rejects.toMatchObject({
      data: { code: "INTERNAL_ERROR" },
    });
    expect(await snapshot(scene.t)).toEqual(before);
  });
});

describe("remove", () => {
  test("logs the phone out before deleting the instance, as deleting the organization does", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await createAgent(scene);
    scene.gateway.setState(instanceName, "open");
    scene.gateway.calls.length = 0;

    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });

    expect(scene.gateway.calls.map((call) => call.route)).toEqual(["DELETE /instance/logout", "DELETE /instance/delete"]);
  });

  test("deletes the instance and hides the agent while its conversations stay readable", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await createAgent(scene);
    const conversation = await insertConversation(scene.t, scene.orgId, agentId);
    const readConversation = () =>
      scene.t.run(async (ctx) => ({
        session: await ctx.db.get("sessions", conversation.sessionId),
        message: await ctx.db.get("messages", conversation.messageId),
        contact: await ctx.db.get("contacts", conversation.contactId),
      }));
    const conversationBefore = await readConversation();

    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });

    expect(scene.gateway.instances.has(instanceName)).toBe(false);
    expect(await scene.asMember.query(api.agents.list, { orgId: ORG })).toEqual([]);
    await expect(scene.asMember.query(api.agents.get, { orgId: ORG, agentId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const row = await agentRow(scene.t, agentId);
    expect(row).toMatchObject({ status: "close", deletedAt: expect.any(Number) });
    expect(row?.qrCode).toBeUndefined();
    // Readable as before; only resolved, since the removed number can no longer answer it (agent-removal.test.ts).
    const after = await readConversation();
    expect(after).toEqual({ ...conversationBefore, session: { ...conversationBefore.session, status: "resolved" } });
    expect(await auditActions(scene.t)).toContainEqual({ action: "agent.deleted", actorUserId: scene.adminUserId, target: `agent:${agentId}` });
  });

  test("answers NOT_FOUND the second time and records nothing more", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });
    const before = await snapshot(scene.t);

    await expect(scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(await snapshot(scene.t)).toEqual(before);
  });

  test("still removes the agent when the gateway has already lost the instance", async () => {
    const scene = await orgWithAdmin();
    const { agentId, instanceName } = await createAgent(scene);
    scene.gateway.instances.delete(instanceName);
    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });
    expect((await agentRow(scene.t, agentId))?.deletedAt).toEqual(expect.any(Number));
  });

  test("keeps the agent when the gateway fails (INTERNAL_ERROR)", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    const before = await snapshot(scene.t);
    scene.gateway.fail("DELETE /instance/delete", "network");
    await expect(scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId })).rejects.toMatchObject({
      data: { code: "INTERNAL_ERROR" },
    });
    expect(await snapshot(scene.t)).toEqual(before);
  });
});

describe("rotateSecret", () => {
  test("points the gateway at a new secret, then stores it", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);

    const { webhookSecret } = await scene.asAdmin.action(api.agentGateway.rotateSecret, { orgId: ORG, agentId: created.agentId });
    expect(webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(webhookSecret).not.toBe(created.webhookSecret);
    const [call] = scene.gateway.callsTo("POST /webhook/set");
    expect(call).toMatchObject({ instanceName: created.instanceName, body: { webhook: { headers: { jwt_key: webhookSecret } } } });
    expect(scene.gateway.instances.get(created.instanceName)?.jwtKey).toBe(webhookSecret);
    expect((await agentRow(scene.t, created.agentId))?.webhookSecret).toBe(webhookSecret);
    expect((await auditActions(scene.t)).at(-1)).toEqual({
      action: "agent.secret_rotated",
      actorUserId: scene.adminUserId,
      target: `agent:${created.agentId}`,
    });
  });

  test("keeps accepting the previous secret for a grace period, so deliveries signed in between are not lost", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);
    await scene.asAdmin.action(api.agentGateway.rotateSecret, { orgId: ORG, agentId: created.agentId });
    const row = await agentRow(scene.t, created.agentId);
    expect(row?.previousWebhookSecret).toBe(created.webhookSecret);
    expect(row?.previousSecretValidUntil).toBeGreaterThan(Date.now());
  });

  test("keeps the old secret when the gateway refuses the new one (INTERNAL_ERROR)", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);
    const before = await snapshot(scene.t);
    scene.gateway.fail("POST /webhook/set", { status: 500 });

    const attempt = scene.asAdmin.action(api.agentGateway.rotateSecret, { orgId: ORG, agentId: created.agentId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INTERNAL_ERROR" } });
    expect(await snapshot(scene.t)).toEqual(before);
    expect(scene.gateway.instances.get(created.instanceName)?.jwtKey).toBe(created.webhookSecret);
  });
});

describe("concurrent secret rotations", () => {
  test("a failed rotation does not restore its old secret once a later rotation has replaced it", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);
    const { orgId } = (await agentRow(scene.t, created.agentId))!;
    const target = { orgId, agentId: created.agentId };
    // Rotation A stores "a…", rotation B then stores "b…" (and the gateway took B); A's gateway call fails last.
    const a = await scene.t.mutation(internal.agentGateway.beginSecretRotation, { ...target, webhookSecret: "a".repeat(64) });
    await scene.t.mutation(internal.agentGateway.beginSecretRotation, { ...target, webhookSecret: "b".repeat(64) });
    await scene.t.mutation(internal.agentGateway.revertSecretRotation, { ...target, previousSecret: a.previousSecret, rotatedTo: "a".repeat(64) });
    expect((await agentRow(scene.t, created.agentId))?.webhookSecret).toBe("b".repeat(64));
  });

  test("a failed rotation that is still the latest restores the previous secret", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);
    const { orgId } = (await agentRow(scene.t, created.agentId))!;
    const target = { orgId, agentId: created.agentId };
    const a = await scene.t.mutation(internal.agentGateway.beginSecretRotation, { ...target, webhookSecret: "a".repeat(64) });
    await scene.t.mutation(internal.agentGateway.revertSecretRotation, { ...target, previousSecret: a.previousSecret, rotatedTo: "a".repeat(64) });
    expect((await agentRow(scene.t, created.agentId))?.webhookSecret).toBe(created.webhookSecret);
  });
});

describe("audit trail", () => {
  test("records every admin action with its actor, in order", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    for (const name of ["refreshQr", "rotateSecret", "disconnect", "remove"] as const) {
      await runAdminAction(scene.asAdmin, name, agentId);
    }
    const entries = await auditActions(scene.t);
    expect(entries.map((entry) => entry.action)).toEqual([
      "agent.created",
      "agent.qr_refreshed",
      "agent.secret_rotated",
      "agent.disconnected",
      "agent.deleted",
    ]);
    expect(entries.every((entry) => entry.actorUserId === scene.adminUserId && entry.target === `agent:${agentId}`)).toBe(true);
  });
});

import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { DEFAULT_MAX_AGENTS_PER_ORG, DEFAULT_PERSONA, DEFAULT_PRODUCT } from "../../convex/model/agents";
import { insertAgent } from "../fixtures/conversations";
import { FAKE_SITE_URL } from "../fixtures/fake-evolution";
import { identityWithRole } from "../fixtures/identities";
import { insertOrg, insertTenantRows } from "../fixtures/rows";
import { agentRow, allKeys, auditActions, createAgent, ORG, orgWithAdmin, snapshot } from "./agents-setup";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("create", () => {
  test("stores the agent as connecting with the gateway's QR and returns the secret once", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene, "  Sales bot  ");

    expect(created.instanceName).toMatch(/^sd-[0-9a-z]{12}$/);
    expect(created.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    const row = await agentRow(scene.t, created.agentId);
    expect(row).toMatchObject({
      orgId: scene.orgId,
      name: "Sales bot",
      instanceName: created.instanceName,
      status: "connecting",
      qrCode: expect.stringMatching(/^data:image\/png;base64,/),
      qrUpdatedAt: expect.any(Number),
      webhookSecret: created.webhookSecret,
      aiEnabled: true,
      persona: DEFAULT_PERSONA,
      product: DEFAULT_PRODUCT,
    });
    expect(row?.deletedAt).toBeUndefined();
  });

  test("asks the gateway for an instance whose webhook is signed with the agent's secret", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);
    const [call] = scene.gateway.callsTo("POST /instance/create");
    expect(call.body).toMatchObject({
      instanceName: created.instanceName,
      integration: "WHATSAPP-BAILEYS",
      qrcode: true,
      webhook: {
        url: `${FAKE_SITE_URL}/webhooks/whatsapp`,
        headers: { jwt_key: created.webhookSecret },
        events: expect.arrayContaining(["MESSAGES_UPSERT", "CONNECTION_UPDATE", "QRCODE_UPDATED", "SEND_MESSAGE"]),
      },
    });
  });

  test("keeps the persona and product it is given", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await scene.asAdmin.action(api.agentGateway.create, {
      orgId: ORG,
      name: "Closer",
      persona: " Direct and warm ",
      product: "Solar panels",
    });
    expect(await agentRow(scene.t, agentId)).toMatchObject({ persona: "Direct and warm", product: "Solar panels" });
  });

  test("records who created the agent", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    expect(await auditActions(scene.t)).toEqual([
      { action: "agent.created", actorUserId: scene.adminUserId, target: `agent:${agentId}` },
    ]);
  });

  test("refuses a member with FORBIDDEN and writes nothing", async () => {
    const scene = await orgWithAdmin();
    const attempt = scene.asMember.action(api.agentGateway.create, { orgId: ORG, name: "Sales bot" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await snapshot(scene.t)).toEqual({ agents: [], auditLog: [] });
    expect(scene.gateway.calls).toHaveLength(0);
  });

  test("refuses a new number once the organization has the maximum of live ones (CONFLICT), writing nothing", async () => {
    const scene = await orgWithAdmin();
    await scene.t.run(async (ctx) => {
      for (let i = 0; i < DEFAULT_MAX_AGENTS_PER_ORG; i++) await insertAgent(ctx, scene.orgId);
    });
    const before = await snapshot(scene.t);
    await expect(createAgent(scene)).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    expect(await snapshot(scene.t)).toEqual(before);
    expect(scene.gateway.calls).toHaveLength(0);
  });

  test("deleted numbers do not count toward the maximum", async () => {
    const scene = await orgWithAdmin();
    await scene.t.run(async (ctx) => {
      for (let i = 0; i < DEFAULT_MAX_AGENTS_PER_ORG; i++) await insertAgent(ctx, scene.orgId, { deletedAt: 1 });
    });
    await expect(createAgent(scene)).resolves.toMatchObject({ agentId: expect.any(String) });
  });

  test("refuses a blank name with INVALID_ARGUMENT before calling the gateway", async () => {
    const scene = await orgWithAdmin();
    const attempt = scene.asAdmin.action(api.agentGateway.create, { orgId: ORG, name: "   " });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await snapshot(scene.t)).toEqual({ agents: [], auditLog: [] });
    expect(scene.gateway.calls).toHaveLength(0);
  });

  test.each([
    ["answers 500", { status: 500 }],
    ["cannot be reached", "network"],
  ] as const)("leaves no agent behind when the gateway %s (INTERNAL_ERROR)", async (_case, failure) => {
    const scene = await orgWithAdmin();
    scene.gateway.fail("POST /instance/create", failure);
    await expect(createAgent(scene)).rejects.toMatchObject({ data: { code: "INTERNAL_ERROR" } });
    expect(scene.gateway.callsTo("POST /instance/create")).toHaveLength(1);
    expect(await snapshot(scene.t)).toEqual({ agents: [], auditLog: [] });
  });

  test("leaves no agent behind when the gateway already has the instance name (CONFLICT)", async () => {
    const scene = await orgWithAdmin();
    scene.gateway.fail("POST /instance/create", { status: 403, message: 'This name "sd-x" is already in use.' });
    await expect(createAgent(scene)).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    expect(scene.gateway.callsTo("POST /instance/create")).toHaveLength(1);
    expect(await snapshot(scene.t)).toEqual({ agents: [], auditLog: [] });
  });

  test("gives every agent its own instance name", async () => {
    const scene = await orgWithAdmin();
    const names = [];
    for (let i = 0; i < 5; i++) names.push((await createAgent(scene, `Bot ${i}`)).instanceName);
    expect(new Set(names).size).toBe(5);
  });

  test("picks another instance name when the first one is taken by any organization", async () => {
    const scene = await orgWithAdmin();
    await scene.t.run(async (ctx) => {
      const otherOrg = await insertOrg(ctx, "org_b");
      const rows = await insertTenantRows(ctx, otherOrg);
      await ctx.db.patch("agents", rows.agentId, { instanceName: "sd-000000000000" });
    });
    // The first 12-byte draw (the instance name) comes out all zeros: exactly the taken name.
    const realGetRandomValues = crypto.getRandomValues.bind(crypto);
    let forcedDraws = 1;
    vi.spyOn(crypto, "getRandomValues").mockImplementation((array) => {
      if (array instanceof Uint8Array && array.length === 12 && forcedDraws-- > 0) array.fill(0);
      else realGetRandomValues(array);
      return array;
    });

    const created = await createAgent(scene);
    expect(created.instanceName).toMatch(/^sd-[0-9a-z]{12}$/);
    expect(created.instanceName).not.toBe("sd-000000000000");
    expect(forcedDraws).toBeLessThan(1);
  });
});

describe("list", () => {
  test("shows members the org's agents newest first, never with the webhook secret", async () => {
    const scene = await orgWithAdmin();
    const first = await createAgent(scene, "First");
    const second = await createAgent(scene, "Second");

    const agents = await scene.asMember.query(api.agents.list, { orgId: ORG });
    expect(agents.map((agent) => agent._id)).toEqual([second.agentId, first.agentId]);
    expect(agents[0]).toMatchObject({ name: "Second", status: "connecting", phoneNumber: null, qrCode: expect.any(String) });
    expect(allKeys(agents)).not.toContain("webhookSecret");
    expect(JSON.stringify(agents)).not.toContain(first.webhookSecret);
    expect(JSON.stringify(agents)).not.toContain(second.webhookSecret);
  });

  test("never lists another organization's agents", async () => {
    const scene = await orgWithAdmin();
    await scene.t.run(async (ctx) => insertTenantRows(ctx, await insertOrg(ctx, "org_b")));
    expect(await scene.asMember.query(api.agents.list, { orgId: ORG })).toEqual([]);
  });

  test("leaves out deleted agents", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    await scene.t.run((ctx) => ctx.db.patch("agents", agentId, { deletedAt: Date.now() }));
    expect(await scene.asMember.query(api.agents.list, { orgId: ORG })).toEqual([]);
  });
});

describe("get", () => {
  test("shows a member one agent without the webhook secret", async () => {
    const scene = await orgWithAdmin();
    const created = await createAgent(scene);
    const agent = await scene.asMember.query(api.agents.get, { orgId: ORG, agentId: created.agentId });
    expect(agent).toMatchObject({ _id: created.agentId, instanceName: created.instanceName, aiEnabled: true });
    expect(allKeys(agent)).not.toContain("webhookSecret");
    expect(JSON.stringify(agent)).not.toContain(created.webhookSecret);
  });

  test("answers NOT_FOUND for another organization's agent", async () => {
    const scene = await orgWithAdmin();
    const rowsB = await scene.t.run(async (ctx) => insertTenantRows(ctx, await insertOrg(ctx, "org_b")));
    const ownerOfA = scene.t.withIdentity(identityWithRole("owner", ORG));
    const attempt = ownerOfA.query(api.agents.get, { orgId: ORG, agentId: rowsB.agentId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });

  test("answers NOT_FOUND for a deleted agent", async () => {
    const scene = await orgWithAdmin();
    const { agentId } = await createAgent(scene);
    await scene.t.run((ctx) => ctx.db.patch("agents", agentId, { deletedAt: Date.now() }));
    await expect(scene.asMember.query(api.agents.get, { orgId: ORG, agentId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

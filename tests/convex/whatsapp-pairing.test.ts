import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Id } from "../../convex/_generated/dataModel";
import {
  BUSINESS,
  INSTANCE_A,
  INSTANCE_B,
  QR_PNG,
  SECRET_B,
  bearerHeaders,
  connectionUpdate,
  deliverWhatsApp,
  postWhatsApp,
  qrLimitReached,
  qrcodeUpdated,
  seedWebhookAgents,
} from "../fixtures/evolution";
import { installFakeEvolution, type FakeEvolution, type FakeInstance } from "../fixtures/fake-evolution";
import { newTest, type TestConvex } from "./setup";

/**
 * SECURITY 1: `connection.update`, `qrcode.updated` and the QR limit are hints. Whoever holds a
 * webhook credential could claim any state or push a QR of their own device; the gateway is asked
 * instead, and only what it says is stored. An injected QR is never displayed.
 */

let t: TestConvex;
let agentA: Id<"agents">;
let agentB: Id<"agents">;
let gateway: FakeEvolution;

/** The gateway's own QR (tests/fixtures/fake-evolution.ts), never the one a delivery carried. */
const GATEWAY_QR = expect.stringMatching(/^data:image\/png;base64,RkFLRS1RUi0/);

function onGateway(instanceName: string, state: FakeInstance["state"]) {
  gateway.instances.set(instanceName, { state, jwtKey: null, webhookUrl: null, qrCount: 0 });
}

beforeEach(async () => {
  vi.useFakeTimers();
  t = newTest();
  ({ agentA, agentB } = await seedWebhookAgents(t));
  gateway = installFakeEvolution();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const agentRow = (agentId: Id<"agents"> = agentA) => t.run((ctx) => ctx.db.get("agents", agentId));
const setAgent = (patch: Record<string, unknown>, agentId: Id<"agents"> = agentA) => t.run((ctx) => ctx.db.patch("agents", agentId, patch));

/** A delivery, then the gateway check it scheduled. */
async function deliverAndConfirm(payload: unknown, options: { secret?: string } = {}) {
  const response = await deliverWhatsApp(t, payload, options);
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  return response;
}

describe("connection.update", () => {
  test("is answered at once but changes nothing before the gateway is asked", async () => {
    onGateway(INSTANCE_A, "open");
    await setAgent({ status: "connecting" });
    const response = await deliverWhatsApp(t, connectionUpdate("open", { wuid: `${BUSINESS}@s.whatsapp.net` }));
    expect(response).toEqual({ status: 200, body: { success: true, outcome: "deferred" } });
    expect(await agentRow()).toMatchObject({ status: "connecting" });
  });

  test("open is stored once the gateway confirms it, with the paired number, and drops the QR", async () => {
    onGateway(INSTANCE_A, "open");
    await setAgent({ status: "connecting", qrCode: QR_PNG, qrUpdatedAt: 1 });
    await deliverAndConfirm(connectionUpdate("open", { wuid: `${BUSINESS}@s.whatsapp.net` }));
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "open", phoneNumber: BUSINESS });
    expect(agent?.qrCode).toBeUndefined();
    expect(gateway.callsTo("GET /instance/connectionState")).toHaveLength(1);
  });

  test("an injected 'open' the gateway denies neither connects the agent nor names a number", async () => {
    onGateway(INSTANCE_A, "close");
    await setAgent({ status: "close", phoneNumber: undefined });
    await deliverAndConfirm(connectionUpdate("open", { wuid: "5511900000000@s.whatsapp.net" }));
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "close" });
    expect(agent?.phoneNumber).toBeUndefined();
  });

  test("a 'connecting' while the gateway reconnects a live link never hides it", async () => {
    onGateway(INSTANCE_A, "connecting");
    await deliverAndConfirm(connectionUpdate("connecting"));
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "open" });
    expect(agent?.qrCode).toBeUndefined();
  });

  test("a logout closes the agent and forgets the number; a dropped link keeps it", async () => {
    onGateway(INSTANCE_A, "close");
    await setAgent({ phoneNumber: BUSINESS });
    await deliverAndConfirm(connectionUpdate("close", { statusReason: 428 }));
    expect(await agentRow()).toMatchObject({ status: "close", phoneNumber: BUSINESS });
    await deliverAndConfirm(connectionUpdate("close", { statusReason: 401 }));
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "close" });
    expect(agent?.phoneNumber).toBeUndefined();
  });

  test("an injected 'close' for a live link changes nothing", async () => {
    onGateway(INSTANCE_A, "open");
    await setAgent({ phoneNumber: BUSINESS });
    await deliverAndConfirm(connectionUpdate("close", { statusReason: 401 }));
    expect(await agentRow()).toMatchObject({ status: "open", phoneNumber: BUSINESS });
  });

  test("a gateway that cannot answer changes nothing", async () => {
    onGateway(INSTANCE_A, "close");
    gateway.fail("GET /instance/connectionState", "network");
    await deliverAndConfirm(connectionUpdate("close", { statusReason: 401 }));
    expect(await agentRow()).toMatchObject({ status: "open" });
  });
});

describe("qrcode.updated", () => {
  beforeEach(async () => {
    await setAgent({ status: "created" }, agentA);
    await setAgent({ status: "created" }, agentB);
  });

  test("an injected QR is never displayed: the gateway's own QR is stored", async () => {
    onGateway(INSTANCE_A, "connecting");
    const response = await deliverAndConfirm(qrcodeUpdated(QR_PNG));
    expect(response).toEqual({ status: 200, body: { success: true, outcome: "deferred" } });
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "connecting", qrCode: GATEWAY_QR, qrUpdatedAt: expect.any(Number) });
    expect(agent?.qrCode).not.toBe(QR_PNG);
  });

  test("a QR for an instance that is not pairing stores no QR and starts no pairing", async () => {
    onGateway(INSTANCE_A, "close");
    await deliverAndConfirm(qrcodeUpdated());
    expect((await agentRow())?.qrCode).toBeUndefined();
    expect(gateway.callsTo("GET /instance/connect")).toHaveLength(0);
  });

  test("a QR after the phone paired is ignored", async () => {
    onGateway(INSTANCE_A, "open");
    await setAgent({ status: "open" });
    await deliverAndConfirm(qrcodeUpdated());
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "open" });
    expect(agent?.qrCode).toBeUndefined();
  });

  test("at the QR limit the pairing is refused and the QR cleared, once the gateway has closed it", async () => {
    onGateway(INSTANCE_A, "close");
    await setAgent({ status: "connecting", qrCode: QR_PNG, qrUpdatedAt: 1 });
    await deliverAndConfirm(qrLimitReached());
    const agent = await agentRow();
    expect(agent).toMatchObject({ status: "refused" });
    expect(agent?.qrCode).toBeUndefined();
    // Evolution follows with connection.update "refused": same end state.
    await deliverAndConfirm(connectionUpdate("refused", { statusReason: 428 }));
    expect(await agentRow()).toMatchObject({ status: "refused" });
  });

  test("an injected QR limit while pairing goes on refuses nothing", async () => {
    onGateway(INSTANCE_A, "connecting");
    await setAgent({ status: "connecting" });
    await deliverAndConfirm(qrLimitReached());
    expect(await agentRow()).toMatchObject({ status: "connecting", qrCode: GATEWAY_QR });
  });

  test("a QR for agent B never lands on agent A", async () => {
    onGateway(INSTANCE_B, "connecting");
    const payload = { ...qrcodeUpdated(), instance: INSTANCE_B };
    const response = await postWhatsApp(t, await bearerHeaders(SECRET_B), JSON.stringify(payload));
    expect(response.status).toBe(200);
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await agentRow(agentB)).toMatchObject({ qrCode: GATEWAY_QR });
    expect((await agentRow())?.qrCode).toBeUndefined();
    expect(gateway.calls.every((call) => call.instanceName === INSTANCE_B)).toBe(true);
  });
});

import { errors as joseErrors, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEvolutionClient } from "../../lib/whatsapp/client";
import { GatewayError, WEBHOOK_EVENTS, type EvolutionClient, type GatewayErrorKind, type WebhookTarget } from "../../lib/whatsapp/types";
import { startWhatsAppSimulator, type WhatsAppSimulator } from "../../tools/whatsapp-sim/index";
import { startReceiver, waitFor, type Receiver } from "../sim/helpers";
import { startStubServer, unusedUrl, type StubServer } from "./stub-server";

const API_KEY = "gateway-test-key";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let sim: WhatsAppSimulator;
let receiver: Receiver;
let stub: StubServer;
let client: EvolutionClient;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startWhatsAppSimulator({ port: 0, apiKey: API_KEY, webhookRetry: { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 2000 } });
  stub = await startStubServer();
  client = createEvolutionClient({ baseUrl: sim.url, apiKey: API_KEY });
});

afterAll(async () => {
  await sim?.stop();
  await receiver?.stop();
  await stub?.stop();
});

function target(jwtKey: string): WebhookTarget {
  return { url: receiver.url, jwtKey, events: WEBHOOK_EVENTS };
}

/** Runs `run` and returns the GatewayError it threw (failing the test if it resolved or threw something else). */
async function gatewayError(run: () => Promise<unknown>): Promise<GatewayError> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

async function expectKind(run: () => Promise<unknown>, kind: GatewayErrorKind): Promise<GatewayError> {
  const error = await gatewayError(run);
  expect(error.kind).toBe(kind);
  return error;
}

async function simCall(method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

const scan = (instance: string) => simCall("POST", `/__sim/${instance}/scan`, {});

async function bearer(instance: string, state: string): Promise<string> {
  const hook = await waitFor(() =>
    receiver.events(instance, "connection.update").find((received) => received.body.data.state === state),
  );
  const authorization = hook.headers.authorization;
  expect(authorization).toMatch(/^Bearer /);
  expect(hook.headers.jwt_key).toBeUndefined();
  return String(authorization).slice("Bearer ".length);
}

const verifyWith = (token: string, key: string) => jwtVerify(token, new TextEncoder().encode(key), { algorithms: ["HS256"] });

function pngHeader(dataUrl: string): number[] {
  expect(dataUrl).toMatch(/^data:image\/png;base64,/);
  return [...Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64").subarray(0, 8)];
}

describe("createInstance", () => {
  test("returns the instance id and a PNG QR code as a data URL", async () => {
    const created = await client.createInstance({ instanceName: "gw-create", webhook: target("key-create") });
    expect(created.instanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.qr?.code).toEqual(expect.any(String));
    expect(pngHeader(created.qr?.base64 ?? "")).toEqual(PNG_SIGNATURE);
  });

  test("configures a webhook that arrives signed with an HS256 JWT made from the jwtKey", async () => {
    await client.createInstance({ instanceName: "gw-signed", webhook: target("key-signed") });
    await scan("gw-signed");
    const token = await bearer("gw-signed", "open");
    const { payload, protectedHeader } = await verifyWith(token, "key-signed");
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ app: "evolution", action: "webhook" });
    await expect(verifyWith(token, "another-key")).rejects.toBeInstanceOf(joseErrors.JWSSignatureVerificationFailed);
  });

  test("subscribes the instance to SpinDesk's events only", async () => {
    await client.createInstance({ instanceName: "gw-events", webhook: target("key-events") });
    const response = await fetch(`${sim.url}/webhook/find/gw-events`, { headers: { apikey: API_KEY } });
    const webhook = (await response.json()) as { events: string[]; url: string; enabled: boolean; webhookBase64: boolean };
    expect(webhook).toMatchObject({ url: receiver.url, enabled: true, webhookBase64: true });
    expect([...webhook.events].sort()).toEqual([...WEBHOOK_EVENTS].sort());
  });

  test("refuses a name that is already taken as a conflict", async () => {
    await client.createInstance({ instanceName: "gw-dup", webhook: target("key-dup") });
    const error = await expectKind(() => client.createInstance({ instanceName: "gw-dup", webhook: target("key-dup") }), "conflict");
    expect(error.status).toBe(403);
    expect(error.message).toContain("already in use");
  });
});

describe("connect", () => {
  test("returns the current QR while pairing and null once the phone is connected", async () => {
    const created = await client.createInstance({ instanceName: "gw-connect", webhook: target("key-connect") });
    const pairing = await client.connect("gw-connect");
    expect(pairing.qr).toEqual(created.qr);
    await scan("gw-connect");
    expect(await client.connect("gw-connect")).toEqual({ qr: null });
  });

  test("starts a new pairing with a fresh QR after a logout", async () => {
    await client.createInstance({ instanceName: "gw-reconnect", webhook: target("key-reconnect") });
    await scan("gw-reconnect");
    await client.logout("gw-reconnect");
    const again = await client.connect("gw-reconnect");
    expect(pngHeader(again.qr?.base64 ?? "")).toEqual(PNG_SIGNATURE);
    expect(await client.connectionState("gw-reconnect")).toBe("connecting");
  });
});

describe("connectionState and logout", () => {
  test("reflect pairing, the scan and the logout", async () => {
    await client.createInstance({ instanceName: "gw-state", webhook: target("key-state") });
    expect(await client.connectionState("gw-state")).toBe("connecting");
    await scan("gw-state");
    expect(await client.connectionState("gw-state")).toBe("open");
    await client.logout("gw-state");
    expect(await client.connectionState("gw-state")).toBe("close");
  });

  test("logging out an instance that is already closed succeeds", async () => {
    await client.createInstance({ instanceName: "gw-logout-twice", webhook: target("key-logout") });
    await scan("gw-logout-twice");
    await client.logout("gw-logout-twice");
    await expect(client.logout("gw-logout-twice")).resolves.toBeUndefined();
  });
});

describe("setWebhook", () => {
  test("switches the key deliveries are signed with", async () => {
    await client.createInstance({ instanceName: "gw-rotate", webhook: target("key-old") });
    await client.setWebhook("gw-rotate", target("key-new"));
    await scan("gw-rotate");
    const token = await bearer("gw-rotate", "open");
    await expect(verifyWith(token, "key-new")).resolves.toMatchObject({ payload: { app: "evolution" } });
    await expect(verifyWith(token, "key-old")).rejects.toBeInstanceOf(joseErrors.JWSSignatureVerificationFailed);
  });
});

describe("sendText", () => {
  test("returns the message id, the recipient's JID and the provider time, and the message leaves the phone", async () => {
    await client.createInstance({ instanceName: "gw-send", webhook: target("key-send") });
    await scan("gw-send");
    const sent = await client.sendText("gw-send", { number: "5511988887777", text: "Olá! Como posso ajudar?" });
    expect(sent.externalId).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(sent.remoteJid).toBe("5511988887777@s.whatsapp.net");
    expect(sent.sentAt % 1000).toBe(0);
    expect(sent.sentAt).toBeGreaterThan(Date.UTC(2024, 0, 1));
    const outbox = (await simCall("GET", "/__sim/gw-send/outbox")) as { messages: { key: { id: string }; message: { conversation: string } }[] };
    expect(outbox.messages).toContainEqual(
      expect.objectContaining({ key: expect.objectContaining({ id: sent.externalId }), message: { conversation: "Olá! Como posso ajudar?" } }),
    );
  });

  test("accepts a full JID as the recipient", async () => {
    await client.createInstance({ instanceName: "gw-send-jid", webhook: target("key-send-jid") });
    await scan("gw-send-jid");
    const sent = await client.sendText("gw-send-jid", { number: "5511977776666@s.whatsapp.net", text: "Oi" });
    expect(sent.remoteJid).toBe("5511977776666@s.whatsapp.net");
  });

  test("is rejected while the instance is not connected", async () => {
    await client.createInstance({ instanceName: "gw-send-closed", webhook: target("key-closed") });
    const error = await expectKind(() => client.sendText("gw-send-closed", { number: "5511988887777", text: "Oi" }), "rejected");
    expect(error.status).toBe(400);
    expect(error.message).toContain("Connection Closed");
  });
});

describe("deleteInstance", () => {
  test("deletes a connected instance and succeeds again when it is already gone", async () => {
    await client.createInstance({ instanceName: "gw-delete", webhook: target("key-delete") });
    await scan("gw-delete");
    await client.deleteInstance("gw-delete");
    await expect(client.deleteInstance("gw-delete")).resolves.toBeUndefined();
    await expectKind(() => client.connectionState("gw-delete"), "not_found");
  });
});

describe("errors", () => {
  test("a wrong API key is unauthorized and the message never shows a key", async () => {
    const intruder = createEvolutionClient({ baseUrl: sim.url, apiKey: "wrong-key-123" });
    const error = await expectKind(() => intruder.connectionState("gw-create"), "unauthorized");
    expect(error.status).toBe(401);
    expect(error.message).not.toContain("wrong-key-123");
    expect(error.message).not.toContain(API_KEY);
  });

  test("an unknown instance is not_found on every instance route", async () => {
    await expectKind(() => client.connect("gw-nobody"), "not_found");
    await expectKind(() => client.connectionState("gw-nobody"), "not_found");
    await expectKind(() => client.logout("gw-nobody"), "not_found");
    await expectKind(() => client.setWebhook("gw-nobody", target("k")), "not_found");
    await expectKind(() => client.sendText("gw-nobody", { number: "5511988887777", text: "Oi" }), "not_found");
  });

  test("an unreachable gateway is unavailable", async () => {
    const offline = createEvolutionClient({ baseUrl: await unusedUrl(), apiKey: API_KEY });
    await expectKind(() => offline.connectionState("gw-create"), "unavailable");
  });

  test("a gateway that never answers times out", async () => {
    stub.reset();
    stub.respondAlways("hang");
    const slow = createEvolutionClient({ baseUrl: stub.url, apiKey: API_KEY, timeoutMs: 100 });
    const error = await expectKind(() => slow.connectionState("gw-slow"), "timeout");
    expect(error.message).toContain("100 ms");
  });

  test("a 200 whose body lacks the documented fields is an invalid_response", async () => {
    stub.reset();
    stub.respond({ status: 201, body: { instance: { instanceName: "gw-bad" } } });
    const odd = createEvolutionClient({ baseUrl: stub.url, apiKey: API_KEY });
    const error = await expectKind(() => odd.createInstance({ instanceName: "gw-bad", webhook: target("k") }), "invalid_response");
    expect(error.message).toContain("instance.instanceId");
  });

  test("a 200 that is not JSON is an invalid_response", async () => {
    stub.reset();
    stub.respond({ status: 200, raw: "<html>proxy login</html>" });
    const odd = createEvolutionClient({ baseUrl: stub.url, apiKey: API_KEY });
    await expectKind(() => odd.connectionState("gw-html"), "invalid_response");
  });

  test("a 5xx is unavailable", async () => {
    stub.reset();
    stub.respond({ status: 502, raw: "Bad Gateway" });
    const odd = createEvolutionClient({ baseUrl: stub.url, apiKey: API_KEY });
    const error = await expectKind(() => odd.sendText("gw-5xx", { number: "5511988887777", text: "Oi" }), "unavailable");
    expect(error.status).toBe(502);
  });
});

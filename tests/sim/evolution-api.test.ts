import { describe, expect, test } from "vitest";
import { API_KEY, setUpSimulatorWithReceiver, waitFor } from "./helpers";

const env = setUpSimulatorWithReceiver();

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function pngHeader(dataUrl: string): number[] {
  expect(dataUrl).toMatch(/^data:image\/png;base64,/);
  return [...Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64").subarray(0, 8)];
}

describe("apikey", () => {
  test("refuses a request without the apikey header with Evolution's 401 body", async () => {
    const res = await env.sim.call("GET", "/instance/fetchInstances", undefined, null);
    expect(res).toEqual({ status: 401, body: { status: 401, error: "Unauthorized", response: { message: "Unauthorized" } } });
  });

  test("refuses a wrong apikey and creates nothing", async () => {
    const refused = await env.sim.call("POST", "/instance/create", { instanceName: "never-made", qrcode: true }, "not-the-key");
    expect(refused.status).toBe(401);
    const listed = await env.sim.call("GET", "/instance/fetchInstances?instanceName=never-made");
    expect(listed).toEqual({ status: 200, body: [] });
  });

  test("accepts the configured apikey", async () => {
    const res = await env.sim.call("GET", "/instance/fetchInstances", undefined, API_KEY);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
  });

  test("accepts an instance's own token on that instance's routes only", async () => {
    const { body } = await env.sim.create("own-token", env.receiver.url);
    await env.sim.create("someone-else", env.receiver.url);
    expect((await env.sim.call("GET", "/instance/connectionState/own-token", undefined, body.hash)).status).toBe(200);
    expect((await env.sim.call("GET", "/instance/connectionState/someone-else", undefined, body.hash)).status).toBe(401);
    expect((await env.sim.call("GET", "/instance/fetchInstances", undefined, body.hash)).status).toBe(401);
  });
});

describe("POST /instance/create", () => {
  test("answers 201 with the instance, its hash and a PNG QR code", async () => {
    const res = await env.sim.create("create-qr", env.receiver.url, "jwt-create");
    expect(res.status).toBe(201);
    expect(res.body.instance).toMatchObject({ instanceName: "create-qr", integration: "WHATSAPP-BAILEYS", status: "connecting" });
    expect(res.body.instance.instanceId).toMatch(UUID);
    expect(res.body.hash).toEqual(expect.any(String));
    expect(res.body.webhook).toEqual({
      webhookUrl: env.receiver.url,
      webhookHeaders: { jwt_key: "jwt-create", "Content-Type": "application/json" },
      webhookByEvents: false,
      webhookBase64: false,
    });
    expect(res.body.qrcode).toMatchObject({ pairingCode: null, code: expect.any(String), count: 1 });
    expect(pngHeader(res.body.qrcode.base64)).toEqual(PNG_SIGNATURE);
  });

  test("refuses a duplicate instanceName with 403 like Evolution", async () => {
    await env.sim.create("dup", env.receiver.url);
    const res = await env.sim.create("dup", env.receiver.url);
    expect(res).toEqual({
      status: 403,
      body: { status: 403, error: "Forbidden", response: { message: ['This name "dup" is already in use.'] } },
    });
  });

  test("rejects a body without instanceName with a 400 naming the field", async () => {
    const res = await env.sim.call("POST", "/instance/create", { qrcode: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, error: "Bad Request" });
    expect(res.body.response.message[0]).toMatch(/^instanceName: /);
  });

  test("rejects event names Evolution does not know", async () => {
    const res = await env.sim.call("POST", "/instance/create", {
      instanceName: "bad-events",
      webhook: { url: env.receiver.url, events: ["messages.upsert"] },
    });
    expect(res.status).toBe(400);
    expect(res.body.response.message[0]).toMatch(/^webhook\.events\.0: /);
  });

  test("leaves the instance closed and without a QR code when qrcode is false", async () => {
    const res = await env.sim.create("no-qr", env.receiver.url, "k", { qrcode: false });
    expect(res.body.instance.status).toBe("close");
    expect(res.body.qrcode).toBeUndefined();
    const state = await env.sim.call("GET", "/instance/connectionState/no-qr");
    expect(state.body).toEqual({ instance: { instanceName: "no-qr", state: "close" } });
  });
});

describe("connect and connectionState", () => {
  test("connect shows the current QR while pairing and the open state once scanned", async () => {
    const created = await env.sim.create("conn", env.receiver.url);
    const connect = await env.sim.call("GET", "/instance/connect/conn");
    expect(connect).toEqual({
      status: 200,
      body: { pairingCode: null, code: created.body.qrcode.code, base64: created.body.qrcode.base64, count: 1 },
    });
    expect((await env.sim.call("GET", "/instance/connectionState/conn")).body.instance.state).toBe("connecting");

    await env.sim.call("POST", "/__sim/conn/scan", {}, null);
    expect((await env.sim.call("GET", "/instance/connectionState/conn")).body).toEqual({ instance: { instanceName: "conn", state: "open" } });
    expect((await env.sim.call("GET", "/instance/connect/conn")).body).toEqual({ instance: { instanceName: "conn", state: "open" } });
  });

  test("connect starts a new pairing for a closed instance", async () => {
    await env.sim.create("reconnect", env.receiver.url, "k", { qrcode: false });
    const res = await env.sim.call("GET", "/instance/connect/reconnect");
    expect(res.body).toMatchObject({ pairingCode: null, count: 1 });
    expect(pngHeader(res.body.base64)).toEqual(PNG_SIGNATURE);
    expect((await env.sim.call("GET", "/instance/connectionState/reconnect")).body.instance.state).toBe("connecting");
  });

  test("answers 404 with Evolution's message for an unknown instance", async () => {
    const res = await env.sim.call("GET", "/instance/connectionState/ghost");
    expect(res).toEqual({
      status: 404,
      body: { status: 404, error: "Not Found", response: { message: ['The "ghost" instance does not exist'] } },
    });
  });
});

describe("POST /message/sendText", () => {
  test("answers Evolution's PENDING message and puts it in the outbox", async () => {
    const { created } = await env.sim.connected("send", env.receiver.url);
    const res = await env.sim.call("POST", "/message/sendText/send", { number: "5511988887777", text: "Olá! Como posso ajudar?" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      key: { remoteJid: "5511988887777@s.whatsapp.net", fromMe: true, id: expect.stringMatching(/^3EB0[0-9A-F]{18}$/) },
      status: "PENDING",
      message: { conversation: "Olá! Como posso ajudar?" },
      messageType: "conversation",
      messageTimestamp: expect.any(Number),
      instanceId: created.instance.instanceId,
      source: "web",
    });
    expect(Number.isInteger(res.body.messageTimestamp)).toBe(true);
    expect(Math.abs(res.body.messageTimestamp - Date.now() / 1000)).toBeLessThan(60);

    const outbox = await env.sim.call("GET", "/__sim/send/outbox", undefined, null);
    expect(outbox.body.messages).toContainEqual(res.body);
    const phone = await env.sim.call("GET", "/__sim/send/state", undefined, null);
    expect(phone.body.chat).toContainEqual(expect.objectContaining({ id: res.body.key.id, customer: "5511988887777", direction: "out" }));
  });

  test("emits send.message and a fromMe messages.upsert echo with the same id", async () => {
    await env.sim.connected("send-hooks", env.receiver.url);
    const { body } = await env.sim.call("POST", "/message/sendText/send-hooks", { number: "5511977776666", text: "Oi" });
    const sent = await waitFor(() => env.receiver.events("send-hooks", "send.message").find((hook) => hook.body.data.key.id === body.key.id));
    expect(sent.body.data).toEqual(body);
    const echo = await waitFor(() => env.receiver.events("send-hooks", "messages.upsert").find((hook) => hook.body.data.key.id === body.key.id));
    expect(echo.body.data).toMatchObject({ key: { fromMe: true, id: body.key.id }, status: "SERVER_ACK", message: { conversation: "Oi" } });
  });

  test("refuses to send while the instance is not connected", async () => {
    await env.sim.create("send-closed", env.receiver.url);
    const res = await env.sim.call("POST", "/message/sendText/send-closed", { number: "5511977776666", text: "Oi" });
    expect(res).toEqual({ status: 400, body: { status: 400, error: "Bad Request", response: { message: ["Error: Connection Closed"] } } });
  });

  test("rejects a body without text", async () => {
    await env.sim.connected("send-invalid", env.receiver.url);
    const res = await env.sim.call("POST", "/message/sendText/send-invalid", { number: "5511977776666" });
    expect(res.status).toBe(400);
    expect(res.body.response.message[0]).toMatch(/^text: /);
  });
});

describe("logout and delete", () => {
  test("logout closes a connected instance and emits connection.update close", async () => {
    await env.sim.connected("bye", env.receiver.url);
    const res = await env.sim.call("DELETE", "/instance/logout/bye");
    expect(res).toEqual({ status: 200, body: { status: "SUCCESS", error: false, response: { message: "Instance logged out" } } });
    expect((await env.sim.call("GET", "/instance/connectionState/bye")).body.instance.state).toBe("close");
    const closed = await waitFor(() => env.receiver.events("bye", "connection.update").find((hook) => hook.body.data.state === "close"));
    expect(closed.body.data).toEqual({ instance: "bye", state: "close", statusReason: 401 });

    const again = await env.sim.call("DELETE", "/instance/logout/bye");
    expect(again.status).toBe(400);
    expect(again.body.response.message).toEqual(['The "bye" instance is not connected']);
  });

  test("delete removes a connected instance, logging it out first", async () => {
    await env.sim.connected("gone", env.receiver.url);
    const res = await env.sim.call("DELETE", "/instance/delete/gone");
    expect(res).toEqual({ status: 200, body: { status: "SUCCESS", error: false, response: { message: "Instance deleted" } } });
    expect((await env.sim.call("GET", "/instance/connectionState/gone")).status).toBe(404);
    await waitFor(() => env.receiver.events("gone", "connection.update").find((hook) => hook.body.data.state === "close"));
    expect((await env.sim.create("gone", env.receiver.url)).status).toBe(201);
  });
});

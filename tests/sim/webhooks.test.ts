import { jwtVerify } from "jose";
import { describe, expect, test } from "vitest";
import { setUpSimulatorWithReceiver, waitFor, type Receiver } from "./helpers";

const env = setUpSimulatorWithReceiver();

const key = (secret: string) => new TextEncoder().encode(secret);

function bearer(authorization: string | undefined): string {
  expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  return (authorization as string).slice("Bearer ".length);
}

function inbound(instance: string, body: Record<string, unknown>) {
  return env.sim.call("POST", `/__sim/${instance}/inbound`, body, null);
}

function upsertWithId(target: Receiver, instance: string, id: string) {
  return waitFor(() => target.events(instance, "messages.upsert").find((hook) => hook.body.data.key.id === id));
}

describe("webhook signature", () => {
  test("signs connection.update open with a Bearer HS256 JWT verifiable with the jwt_key", async () => {
    const { number } = await env.sim.connected("jwt", env.receiver.url, "jwt-secret");
    const hook = await waitFor(() => env.receiver.events("jwt", "connection.update").find((h) => h.body.data.state === "open"));

    const token = bearer(hook.headers.authorization);
    const { payload, protectedHeader } = await jwtVerify(token, key("jwt-secret"), { algorithms: ["HS256"] });
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ app: "evolution", action: "webhook" });
    expect(payload.exp).toBe((payload.iat as number) + 600);
    await expect(jwtVerify(token, key("another-secret"))).rejects.toThrow();
    expect(hook.headers.jwt_key).toBeUndefined();
    expect(hook.headers["content-type"]).toBe("application/json");

    expect(hook.body.data).toEqual({
      instance: "jwt",
      wuid: `${number}@s.whatsapp.net`,
      profileName: expect.any(String),
      profilePictureUrl: null,
      state: "open",
      statusReason: 200,
    });
    expect(number).toMatch(/^55119999\d{5}$/);
  });

  test("reports the pairing itself: connecting, then a qrcode.updated carrying the QR", async () => {
    const created = await env.sim.create("pairing-hooks", env.receiver.url);
    const connecting = await waitFor(() => env.receiver.events("pairing-hooks", "connection.update")[0]);
    expect(connecting.body.data).toEqual({ instance: "pairing-hooks", state: "connecting", statusReason: 200 });
    const qr = await waitFor(() => env.receiver.events("pairing-hooks", "qrcode.updated")[0]);
    expect(qr.body.data).toEqual({
      qrcode: { instance: "pairing-hooks", pairingCode: null, code: created.body.qrcode.code, base64: created.body.qrcode.base64 },
    });
    // No phone number is paired yet, so Evolution has no sender to report.
    expect(qr.body).not.toHaveProperty("sender");
  });
});

describe("messages.upsert from a customer", () => {
  test("arrives as Evolution's envelope with a DELIVERY_ACK conversation message", async () => {
    const { created, number } = await env.sim.connected("inbound", env.receiver.url);
    const res = await inbound("inbound", { from: "+55 11 98888-7777", text: "Quanto custa?", pushName: "Maria" });
    expect(res.status).toBe(201);
    const hook = await upsertWithId(env.receiver, "inbound", res.body.key.id);

    expect(hook.path).toBe("/webhooks/whatsapp");
    expect(Object.keys(hook.body).sort()).toEqual(["apikey", "data", "date_time", "destination", "event", "instance", "sender", "server_url"]);
    expect(hook.body).toMatchObject({
      event: "messages.upsert",
      instance: "inbound",
      destination: env.receiver.url,
      sender: `${number}@s.whatsapp.net`,
      server_url: env.sim.url,
      apikey: created.hash,
    });
    expect(hook.body.date_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(hook.body.data).toEqual({
      key: { remoteJid: "5511988887777@s.whatsapp.net", fromMe: false, id: expect.stringMatching(/^[0-9A-F]{32}$/) },
      pushName: "Maria",
      status: "DELIVERY_ACK",
      message: { conversation: "Quanto custa?" },
      messageType: "conversation",
      messageTimestamp: expect.any(Number),
      instanceId: created.instance.instanceId,
      source: "android",
    });
    const seconds = hook.body.data.messageTimestamp;
    expect(Number.isInteger(seconds)).toBe(true);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(60);
  });

  test("gives every message a fresh key.id unless the caller pins the id and timestamp", async () => {
    await env.sim.connected("ids", env.receiver.url);
    const first = await inbound("ids", { from: "5511988887777", text: "um" });
    const second = await inbound("ids", { from: "5511988887777", text: "dois" });
    expect(first.body.key.id).not.toBe(second.body.key.id);

    const pinned = await inbound("ids", { from: "5511988887777", text: "de novo", id: "ABCDEF0123456789ABCDEF0123456789", timestamp: 1_700_000_000 });
    const hook = await upsertWithId(env.receiver, "ids", "ABCDEF0123456789ABCDEF0123456789");
    expect(hook.body.data.messageTimestamp).toBe(1_700_000_000);
    expect(pinned.body.key.id).toBe("ABCDEF0123456789ABCDEF0123456789");
  });

  test("addresses a LID customer by LID and carries the phone JID in remoteJidAlt", async () => {
    await env.sim.connected("lid", env.receiver.url);
    const res = await inbound("lid", { from: "5511977776666", text: "Oi", pushName: "João", lid: true });
    const hook = await upsertWithId(env.receiver, "lid", res.body.key.id);
    expect(hook.body.data.key).toEqual({
      remoteJid: expect.stringMatching(/^\d{15}@lid$/),
      remoteJidAlt: "5511977776666@s.whatsapp.net",
      fromMe: false,
      id: res.body.key.id,
      participant: "",
      addressingMode: "lid",
    });

    const again = await inbound("lid", { from: "5511977776666", text: "Tudo bem?" });
    expect(again.body.key.remoteJid).toBe(hook.body.data.key.remoteJid);
    const chosen = await inbound("lid", { from: "5511966665555", text: "Olá", lid: "123456789012345" });
    expect(chosen.body.key).toMatchObject({ remoteJid: "123456789012345@lid", remoteJidAlt: "5511966665555@s.whatsapp.net" });
  });

  test("refuses customer messages while the instance is not connected", async () => {
    await env.sim.create("inbound-closed", env.receiver.url);
    const res = await inbound("inbound-closed", { from: "5511988887777", text: "Oi" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/not connected/);
  });

  test("rejects a timestamp in milliseconds", async () => {
    await env.sim.connected("inbound-ms", env.receiver.url);
    const res = await inbound("inbound-ms", { from: "5511988887777", text: "Oi", timestamp: Date.now() });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/timestamp: is unix seconds/);
  });
});

describe("POST /webhook/set", () => {
  test("replaces the webhook so later deliveries are signed with the new jwt_key", async () => {
    await env.sim.connected("rekey", env.receiver.url, "old-key");
    const set = await env.sim.call("POST", "/webhook/set/rekey", {
      webhook: { enabled: true, url: env.receiver.url, headers: { jwt_key: "new-key" }, events: ["MESSAGES_UPSERT"] },
    });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ url: env.receiver.url, enabled: true, events: ["MESSAGES_UPSERT"], webhookByEvents: false });

    const res = await inbound("rekey", { from: "5511988887777", text: "Oi" });
    const token = bearer((await upsertWithId(env.receiver, "rekey", res.body.key.id)).headers.authorization);
    await expect(jwtVerify(token, key("new-key"))).resolves.toBeDefined();
    await expect(jwtVerify(token, key("old-key"))).rejects.toThrow();
  });

  test("sends nothing once the webhook is disabled", async () => {
    await env.sim.connected("muted", env.receiver.url);
    await env.sim.call("POST", "/webhook/set/muted", { webhook: { enabled: false, url: env.receiver.url } });
    const before = (await env.sim.call("GET", "/__sim/muted/deliveries", undefined, null)).body.deliveries.length;
    await inbound("muted", { from: "5511988887777", text: "Alguém aí?" });
    // Deliveries are queued synchronously when the event happens, so the log is final here.
    expect((await env.sim.call("GET", "/__sim/muted/deliveries", undefined, null)).body.deliveries).toHaveLength(before);
  });

  test("posts to url/<event> when byEvents is on", async () => {
    await env.sim.connected("by-events", env.receiver.url);
    await env.sim.call("POST", "/webhook/set/by-events", { webhook: { enabled: true, url: env.receiver.url, byEvents: true } });
    const res = await inbound("by-events", { from: "5511988887777", text: "Oi" });
    const hook = await upsertWithId(env.receiver, "by-events", res.body.key.id);
    expect(hook.path).toBe("/webhooks/whatsapp/messages-upsert");
  });

  test("rejects a webhook without enabled", async () => {
    await env.sim.create("set-invalid", env.receiver.url);
    const res = await env.sim.call("POST", "/webhook/set/set-invalid", { webhook: { url: env.receiver.url } });
    expect(res.status).toBe(400);
    expect(res.body.response.message[0]).toMatch(/^webhook\.enabled: /);
  });
});

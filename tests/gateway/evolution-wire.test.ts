import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createEvolutionClient } from "../../lib/whatsapp/client";
import { GatewayError, WEBHOOK_EVENTS, type EvolutionClient } from "../../lib/whatsapp/types";
import { startStubServer, type StubServer } from "./stub-server";

/** What the client puts on the wire and how it reads answers the simulator never gives (older releases, proxies). */

const API_KEY = "wire-test-key";
const QR_URL = "data:image/png;base64,iVBORw0KGgo=";
const target = { url: "https://example.convex.site/webhooks/whatsapp", jwtKey: "secret-1", events: WEBHOOK_EVENTS };

let stub: StubServer;
let client: EvolutionClient;

beforeAll(async () => {
  stub = await startStubServer();
  // The trailing slash is what people paste; paths must still come out single-slashed.
  client = createEvolutionClient({ baseUrl: `${stub.url}/`, apiKey: API_KEY });
});

beforeEach(() => stub.reset());

afterAll(async () => {
  await stub?.stop();
});

const evolutionError = (status: number, message: unknown) => ({ status, body: { status, error: "Error", response: { message } } });

async function kindOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return (error as GatewayError).kind;
}

describe("requests", () => {
  test("createInstance posts Evolution's create body with the apikey header and a signed-webhook config", async () => {
    stub.respond({ status: 201, body: { instance: { instanceName: "agent-1", instanceId: "id-1", status: "created" }, hash: "H" } });
    expect(await client.createInstance({ instanceName: "agent-1", webhook: target })).toEqual({ instanceId: "id-1", qr: null });
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: "POST", path: "/instance/create" });
    expect(request.headers.apikey).toBe(API_KEY);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toEqual({
      instanceName: "agent-1",
      integration: "WHATSAPP-BAILEYS",
      qrcode: true,
      webhook: {
        enabled: true,
        url: target.url,
        byEvents: false,
        base64: true,
        headers: { jwt_key: "secret-1", "Content-Type": "application/json" },
        events: [...WEBHOOK_EVENTS],
      },
    });
  });

  test("setWebhook posts the same webhook config under `webhook`", async () => {
    stub.respond({ status: 201, body: { id: "w", url: target.url } });
    await client.setWebhook("agent-1", { ...target, jwtKey: "secret-2" });
    expect(stub.requests[0]).toMatchObject({
      method: "POST",
      path: "/webhook/set/agent-1",
      body: { webhook: { enabled: true, url: target.url, headers: { jwt_key: "secret-2" }, byEvents: false, base64: true } },
    });
  });

  test("encodes the instance name so it stays one path segment", async () => {
    stub.respond({ status: 200, body: { instance: { instanceName: "a b/c?d", state: "open" } } });
    expect(await client.connectionState("a b/c?d")).toBe("open");
    expect(stub.requests[0].path).toBe("/instance/connectionState/a%20b%2Fc%3Fd");
  });

  test("sendText posts `{ number, text }` and logout/delete use DELETE", async () => {
    stub.respond(
      { status: 201, body: { key: { id: "3EB0AA", remoteJid: "5511988887777@s.whatsapp.net", fromMe: true }, messageTimestamp: 1_717_000_000 } },
      { status: 200, body: { status: "SUCCESS", error: false, response: { message: "Instance logged out" } } },
      { status: 200, body: { status: "SUCCESS", error: false, response: { message: "Instance deleted" } } },
    );
    await client.sendText("agent-1", { number: "5511988887777", text: "Oi" });
    await client.logout("agent-1");
    await client.deleteInstance("agent-1");
    expect(stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /message/sendText/agent-1",
      "DELETE /instance/logout/agent-1",
      "DELETE /instance/delete/agent-1",
    ]);
    expect(stub.requests[0].body).toEqual({ number: "5511988887777", text: "Oi" });
  });

  test("uses the fetch given in the config", async () => {
    const seen: string[] = [];
    const custom = createEvolutionClient({
      baseUrl: "http://gateway.invalid",
      apiKey: API_KEY,
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({ instance: { instanceName: "x", state: "close" } }), { status: 200 });
      },
    });
    expect(await custom.connectionState("x")).toBe("close");
    expect(seen).toEqual(["http://gateway.invalid/instance/connectionState/x"]);
  });
});

describe("answers", () => {
  test("connect reads a QR from the bare qrCode body and from the nested `{ instance, qrcode }` body", async () => {
    stub.respond(
      { status: 200, body: { pairingCode: null, code: "2@abc", base64: QR_URL, count: 1 } },
      { status: 200, body: { instance: { instanceName: "a", status: "connecting" }, qrcode: { code: "2@def", base64: QR_URL } } },
    );
    expect(await client.connect("a")).toEqual({ qr: { code: "2@abc", base64: QR_URL } });
    expect(await client.connect("a")).toEqual({ qr: { code: "2@def", base64: QR_URL } });
  });

  test("connect answers no QR while Baileys has not rendered one yet", async () => {
    stub.respond({ status: 200, body: { pairingCode: null, count: 0 } });
    expect(await client.connect("a")).toEqual({ qr: null });
  });

  test("connect turns a bare base64 image into a data URL", async () => {
    stub.respond({ status: 200, body: { code: "2@abc", base64: "iVBORw0KGgo=" } });
    expect(await client.connect("a")).toEqual({ qr: { code: "2@abc", base64: QR_URL } });
  });

  test("connect's 200 `{ error: true }` (Evolution's controller catch) is unavailable", async () => {
    stub.respond({ status: 200, body: { error: true, message: "Error: boom" } });
    expect(await kindOf(() => client.connect("a"))).toBe("unavailable");
  });

  test("connectionState reads `refused` (QR limit reached) as close and refuses unknown states", async () => {
    stub.respond(
      { status: 200, body: { instance: { instanceName: "a", state: "refused" } } },
      { status: 200, body: { instance: { instanceName: "a", state: "sleeping" } } },
    );
    expect(await client.connectionState("a")).toBe("close");
    expect(await kindOf(() => client.connectionState("a"))).toBe("invalid_response");
  });

  test("sendText reads messageTimestamp given as seconds, a digit string or a protobuf Long", async () => {
    const key = { id: "3EB0AA", remoteJid: "5511988887777@s.whatsapp.net", fromMe: true };
    stub.respond(
      { status: 201, body: { key, messageTimestamp: 1_717_000_000 } },
      { status: 201, body: { key, messageTimestamp: "1717000000" } },
      { status: 201, body: { key, messageTimestamp: { low: 1_717_000_000, high: 0, unsigned: true } } },
    );
    for (let i = 0; i < 3; i++) {
      expect(await client.sendText("a", { number: "5511988887777", text: "Oi" })).toEqual({
        externalId: "3EB0AA",
        remoteJid: "5511988887777@s.whatsapp.net",
        sentAt: 1_717_000_000_000,
      });
    }
  });

  test("sendText without a message key is an invalid_response", async () => {
    stub.respond({ status: 201, body: { status: "PENDING", messageTimestamp: 1_717_000_000 } });
    expect(await kindOf(() => client.sendText("a", { number: "5511988887777", text: "Oi" }))).toBe("invalid_response");
  });
});

describe("errors", () => {
  test("a number that is not on WhatsApp is rejected without echoing the number", async () => {
    stub.respond(evolutionError(400, [{ jid: "5511988887777@s.whatsapp.net", exists: false, number: "5511988887777" }]));
    const error = await client.sendText("a", { number: "5511988887777", text: "Oi" }).catch((thrown: unknown) => thrown as GatewayError);
    expect(error).toMatchObject({ kind: "rejected", status: 400, message: "The recipient's number is not on WhatsApp." });
  });

  test("phone numbers quoted in an error message are masked", async () => {
    stub.respond(evolutionError(400, ["Owned jid invalid: 5511988887777"]));
    const error = await client.sendText("a", { number: "5511988887777", text: "Oi" }).catch((thrown: unknown) => thrown as GatewayError);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).message).not.toContain("5511988887777");
  });

  test("status codes map to kinds", async () => {
    const cases: [ReturnType<typeof evolutionError>, string][] = [
      [evolutionError(401, "Unauthorized"), "unauthorized"],
      [evolutionError(403, ["Forbidden"]), "unauthorized"],
      [evolutionError(403, ['This name "a" is already in use.']), "conflict"],
      [evolutionError(404, ['The "a" instance does not exist']), "not_found"],
      [evolutionError(409, ["busy"]), "conflict"],
      [evolutionError(422, ["number: invalid"]), "rejected"],
      [evolutionError(429, ["slow down"]), "unavailable"],
      [evolutionError(500, ["Internal Server Error"]), "unavailable"],
    ];
    for (const [answer, kind] of cases) {
      stub.respond(answer);
      expect(await kindOf(() => client.connectionState("a"))).toBe(kind);
    }
  });

  test("deleteInstance logs out first when an older Evolution refuses to delete a connected instance", async () => {
    stub.respond(
      evolutionError(400, ['The "a" instance needs to be disconnected']),
      { status: 200, body: { status: "SUCCESS", error: false, response: { message: "Instance logged out" } } },
      { status: 200, body: { status: "SUCCESS", error: false, response: { message: "Instance deleted" } } },
    );
    await client.deleteInstance("a");
    expect(stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "DELETE /instance/delete/a",
      "DELETE /instance/logout/a",
      "DELETE /instance/delete/a",
    ]);
  });

  test("logout still fails when Evolution refuses it and the instance is not closed", async () => {
    stub.respond(evolutionError(400, ["cannot logout now"]), { status: 200, body: { instance: { instanceName: "a", state: "open" } } });
    expect(await kindOf(() => client.logout("a"))).toBe("rejected");
  });
});

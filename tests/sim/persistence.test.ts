import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { startReceiver, startSimulator, waitFor, type Simulator } from "./helpers";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "wa-sim-"));
  const receiver = await startReceiver();
  cleanups.push(() => receiver.stop(), () => rmSync(dataDir, { recursive: true, force: true }));
  return { dataDir, receiver };
}

async function simulatorOn(dataDir: string): Promise<Simulator> {
  const sim = await startSimulator({ dataDir });
  cleanups.push(() => sim.stop());
  return sim;
}

const stateOf = (sim: Simulator, instance: string) => sim.call("GET", `/__sim/${instance}/state`, undefined, null);

describe("persistence across restarts", () => {
  test("a connected instance is still connected after a restart, with its chats, webhook and files", async () => {
    const { dataDir, receiver } = await setUp();
    const first = await simulatorOn(dataDir);
    const { created, number } = await first.connected("kept", receiver.url, "kept-secret");
    await first.call("POST", "/__sim/kept/inbound", { from: "5511988887777", text: "Oi, ainda aí?", pushName: "Maria" }, null);
    const photo = await first.call("POST", "/__sim/kept/inbound", { from: "5511988887777", media: { type: "image" }, text: "a foto" }, null);
    await first.stop();

    const second = await simulatorOn(dataDir);
    const state = await stateOf(second, "kept");
    expect(state.body).toMatchObject({ state: "open", number, customers: [{ number: "5511988887777", name: "Maria", lid: null }] });
    expect(state.body.chat.map((entry: { text: string }) => entry.text)).toEqual(["Oi, ainda aí?", "a foto"]);
    // The gateway's view: same instance, same token, still open, and it can send at once.
    const connection = await second.call("GET", "/instance/connectionState/kept", undefined, created.hash);
    expect(connection.body).toEqual({ instance: { instanceName: "kept", state: "open" } });
    const sent = await second.call("POST", "/message/sendText/kept", { number: "5511988887777", text: "Sim!" });
    expect(sent.status).toBe(201);
    const file = await second.call("POST", "/chat/getBase64FromMediaMessage/kept", { message: { key: { id: photo.body.key.id } } });
    expect(file.body.mimetype).toBe("image/png");
    expect(Buffer.from(file.body.base64, "base64").subarray(1, 4).toString("ascii")).toBe("PNG");
    // Its webhook survived too: a new message is delivered, signed with the same key.
    const again = await second.call("POST", "/__sim/kept/inbound", { from: "5511988887777", text: "voltou" }, null);
    await waitFor(() => receiver.events("kept", "messages.upsert").find((hook) => hook.body.data.key.id === again.body.key.id));
  });

  test("a business message still waiting for its delivery ack when the simulator stopped is acknowledged after the restart", async () => {
    const { dataDir, receiver } = await setUp();
    const first = await startSimulator({ dataDir, deliveryAckMs: 60_000 });
    cleanups.push(() => first.stop());
    await first.connected("late-ack", receiver.url);
    await first.call("POST", "/webhook/set/late-ack", { webhook: { enabled: true, url: receiver.url, headers: { jwt_key: "k" } } });
    const sent = await first.call("POST", "/message/sendText/late-ack", { number: "5511988887777", text: "Oi" });
    await first.stop();

    await simulatorOn(dataDir);
    const delivered = await waitFor(() =>
      receiver.events("late-ack", "messages.update").find((hook) => hook.body.data.keyId === sent.body.key.id && hook.body.data.status === "DELIVERY_ACK"),
    );
    expect(delivered.body.data.fromMe).toBe(true);
  });

  test("a pairing in progress starts over as closed, and a deleted instance stays deleted", async () => {
    const { dataDir, receiver } = await setUp();
    const first = await simulatorOn(dataDir);
    await first.create("pairing", receiver.url);
    await first.create("deleted", receiver.url);
    await first.call("DELETE", "/instance/delete/deleted");
    await first.stop();

    const second = await simulatorOn(dataDir);
    expect((await stateOf(second, "pairing")).body).toMatchObject({ state: "close", qr: null });
    expect((await second.call("GET", "/instance/connectionState/deleted")).status).toBe(404);
  });

  test("writes the state file atomically (no temporary file is left behind) and saves soon after a change", async () => {
    const { dataDir, receiver } = await setUp();
    const sim = await simulatorOn(dataDir);
    await sim.connected("atomic", receiver.url);
    await sim.call("POST", "/__sim/atomic/inbound", { from: "5511988887777", text: "salvo?" }, null);
    const file = path.join(dataDir, "instances.json");
    await waitFor(() => existsSync(file) && readFileSync(file, "utf8").includes("salvo?"));
    expect(readdirSync(dataDir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("starts empty, and says so, when the state file is unreadable", async () => {
    const { dataDir } = await setUp();
    writeFileSync(path.join(dataDir, "instances.json"), "{ not json");
    const lines: string[] = [];
    const sim = await startSimulator({ dataDir, log: (line) => lines.push(line) });
    cleanups.push(() => sim.stop());
    expect((await sim.call("GET", "/instance/fetchInstances")).body).toEqual([]);
    expect(lines.some((line) => line.includes("starting empty"))).toBe(true);
  });
});

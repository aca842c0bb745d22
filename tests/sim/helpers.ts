import { afterAll, beforeAll } from "vitest";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { startWhatsAppSimulator, type WhatsAppSimulatorOptions } from "../../tools/whatsapp-sim/index";

export const API_KEY = "test-api-key";

/** A webhook as the receiver saw it. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk arbitrary webhook JSON
  body: any;
}

/** A tiny webhook receiver: records every POST and answers the queued statuses first, then 200. */
export async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(statuses.shift() ?? 200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    respondWith: (...next: number[]) => statuses.push(...next),
    /** Webhooks for one instance and event, in arrival order. */
    events: (instance: string, event: string) => received.filter((hook) => hook.body.instance === instance && hook.body.event === event),
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

type Maybe<T> = T | undefined | null | false;

/** Polls until `probe` returns something truthy; fails after `timeoutMs` instead of hanging. */
export async function waitFor<T>(probe: () => Maybe<T> | Promise<Maybe<T>>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function startSimulator(options: WhatsAppSimulatorOptions = {}) {
  const simulator = await startWhatsAppSimulator({
    port: 0,
    apiKey: API_KEY,
    webhookRetry: { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 2000 },
    ...options,
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are asserted field by field
  async function call(method: string, path: string, body?: unknown, apikey: string | null = API_KEY): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (apikey !== null) headers.apikey = apikey;
    const response = await fetch(`${simulator.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  /** Creates an instance the way SpinDesk's gateway does: Baileys, QR on, webhook signed with `jwtKey`. */
  async function create(instanceName: string, webhookUrl: string, jwtKey = "secret-one", extra: Record<string, unknown> = {}) {
    return call("POST", "/instance/create", {
      instanceName,
      integration: "WHATSAPP-BAILEYS",
      qrcode: true,
      webhook: {
        url: webhookUrl,
        byEvents: false,
        base64: false,
        headers: { jwt_key: jwtKey, "Content-Type": "application/json" },
        events: ["QRCODE_UPDATED", "CONNECTION_UPDATE", "MESSAGES_UPSERT", "SEND_MESSAGE"],
      },
      ...extra,
    });
  }

  /** Create + scan: an instance that is connected and can send and receive. */
  async function connected(instanceName: string, webhookUrl: string, jwtKey?: string) {
    const created = await create(instanceName, webhookUrl, jwtKey);
    const scanned = await call("POST", `/__sim/${instanceName}/scan`, {}, null);
    return { created: created.body, number: scanned.body.number as string };
  }

  return { url: simulator.url, stop: simulator.stop, call, create, connected };
}

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export type SimulatorWithReceiver = { sim: Simulator; receiver: Receiver };

/** A simulator with default options and a webhook receiver, started before a file and stopped after it. */
export function setUpSimulatorWithReceiver(): SimulatorWithReceiver {
  const env = {} as SimulatorWithReceiver;
  beforeAll(async () => {
    env.receiver = await startReceiver();
    env.sim = await startSimulator();
  });
  afterAll(async () => {
    await env.sim?.stop();
    await env.receiver?.stop();
  });
  return env;
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiRoutes } from "./api-routes";
import { HttpError, matchPath, sendError, sendHtml, sendJson, type Route } from "./http";
import { Instances, type Instance } from "./instances";
import { indexPage, missingPhonePage, phonePage } from "./pages";
import { PhoneEvents, simRoutes } from "./sim-routes";
import { SimulatorStore } from "./store";
import { WebhookDispatcher, type RetryPolicy } from "./webhooks";
import { evolutionDateTime, PHONE_SUFFIX } from "./wa";

export interface WhatsAppSimulatorOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1: the automation routes have no auth, so stay on loopback unless told otherwise. */
  host?: string;
  /** The `apikey` header value Evolution calls AUTHENTICATION_API_KEY. Default "local-dev-key". */
  apiKey?: string;
  /** How often an unscanned QR code is replaced (Baileys: ~20 s). */
  qrRefreshMs?: number;
  /** QR codes shown before the pairing is refused (Evolution's QRCODE_LIMIT). Default 5. */
  qrLimit?: number;
  /** `server_url` in webhooks; defaults to the listening URL. */
  publicUrl?: string;
  log?: (line: string) => void;
  /** Webhook retries; defaults: 5 attempts, 1 s doubling up to 30 s, 30 s request timeout. */
  webhookRetry?: Partial<RetryPolicy>;
  /** Also echo sendText as a `messages.upsert` with `fromMe: true` (some Evolution versions do). Default true. */
  echoFromMe?: boolean;
  /** Keep instances, chats and files here across restarts; in memory only when absent. */
  dataDir?: string;
  /** How long after a business message's server ack the customer's phone reports it delivered. Default 800 ms. */
  deliveryAckMs?: number;
}

export interface WhatsAppSimulator {
  url: string;
  stop(): Promise<void>;
}

export async function startWhatsAppSimulator(options: WhatsAppSimulatorOptions = {}): Promise<WhatsAppSimulator> {
  const log = options.log ?? (() => undefined);
  const qrLimit = options.qrLimit ?? 5;
  const dispatcher = new WebhookDispatcher(
    { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 30_000, timeoutMs: 30_000, ...options.webhookRetry },
    log,
  );
  const phoneEvents = new PhoneEvents(qrLimit);
  let serverUrl = options.publicUrl ?? "";
  let store: SimulatorStore | null = null;

  const instances = new Instances({
    qrRefreshMs: options.qrRefreshMs ?? 20_000,
    qrLimit,
    echoFromMe: options.echoFromMe ?? true,
    deliveryAckMs: options.deliveryAckMs ?? 800,
    emit: (instance, event, data) => dispatcher.enqueue(instance.instanceName, instance.webhook, event, envelope(instance, event, data)),
    changed: (instance) => {
      phoneEvents.changed(instance);
      store?.changed();
    },
  });
  if (options.dataDir) {
    store = new SimulatorStore(options.dataDir, () => instances.list(), log);
    for (const instance of store.load()) instances.restore(instance);
  }

  /** Evolution's webhook body; `sender` is absent until the instance has paired, as in Evolution. */
  function envelope(instance: Instance, event: string, data: object): object {
    return {
      event,
      instance: instance.instanceName,
      data,
      destination: instance.webhook?.url,
      date_time: evolutionDateTime(),
      sender: instance.number ? `${instance.number}${PHONE_SUFFIX}` : undefined,
      server_url: serverUrl,
      apikey: instance.hash,
    };
  }

  const routes: Route[] = [
    ...apiRoutes(instances, options.apiKey ?? "local-dev-key"),
    ...simRoutes(instances, dispatcher, phoneEvents, qrLimit),
    ...pageRoutes(instances, () => serverUrl),
  ];
  const server = createServer((req, res) => void handle(routes, req, res, log));
  const url = await listen(server, options.port ?? 8080, options.host ?? "127.0.0.1");
  serverUrl = options.publicUrl ?? url;

  return {
    url,
    async stop() {
      instances.stop();
      store?.saveNow();
      phoneEvents.stop();
      await dispatcher.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function pageRoutes(instances: Instances, apiUrl: () => string): Route[] {
  return [
    {
      method: "GET",
      pattern: "/",
      handle({ req, res }) {
        if (req.headers.accept?.includes("text/html")) {
          sendHtml(res, indexPage(instances.list(), apiUrl()));
          return;
        }
        // Health checks and clients that probe Evolution's root get its welcome body.
        sendJson(res, 200, {
          status: 200,
          message: "Welcome to the Evolution API, it is working!",
          version: "2.3.0-simulator",
          clientName: "spindesk-whatsapp-simulator",
        });
      },
    },
    {
      method: "GET",
      pattern: "/favicon.ico",
      handle({ res }) {
        res.writeHead(204).end();
      },
    },
    {
      method: "GET",
      pattern: "/phone/:instanceName",
      handle({ res, params }) {
        const instance = instances.get(params.instanceName);
        if (instance) {
          sendHtml(res, phonePage(instance));
          return;
        }
        sendHtml(res, missingPhonePage(params.instanceName), 404);
      },
    },
  ];
}

async function handle(routes: Route[], req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  const url = new URL(req.url ?? "/", "http://simulator.local");
  try {
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const params = matchPath(route.pattern, url.pathname);
      if (params) return await route.handle({ req, res, params, url });
    }
    throw new HttpError(404, [`Cannot ${req.method} ${url.pathname}`]);
  } catch (error) {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error instanceof HttpError) return sendError(res, error);
    log(`internal error on ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
    sendError(res, new HttpError(500, ["Internal Server Error"]));
  }
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : address.address;
      resolve(`http://${shown.includes(":") ? `[${shown}]` : shown}:${address.port}`);
    });
  });
}

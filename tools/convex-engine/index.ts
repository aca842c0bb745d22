/**
 * SpinDesk's offline Convex engine: the app's convex/ functions running in convex-test behind
 * Convex's real client protocol, so the unmodified clients (ConvexReactClient, ConvexClient,
 * ConvexHttpClient) work without a Convex account or network.
 *
 *   port (3210)      WebSocket /api/<version>/sync, POST /api/query|mutation|action, GET /version
 *   sitePort (3211)  the http actions of convex/http.ts
 */
import { createServer, type Server } from "node:http";
import { providersFrom, TokenVerifier } from "./auth";
import { Backend } from "./backend";
import { CronRunner } from "./crons";
import { createApiHandler } from "./http-api";
import { applyEnv, discoverModules } from "./modules";
import { MutationLog } from "./mutation-log";
import { Persistence } from "./persistence";
import { assertPinnedVersions } from "./pins";
import { rearmScheduledFunctions } from "./scheduled";
import { createSiteHandler } from "./site-server";
import { SyncServer } from "./sync-server";

export type EngineOptions = {
  /** 0 picks a free port. Default 3210. */
  port?: number;
  /** 0 picks a free port. Default 3211. */
  sitePort?: number;
  /** Where the snapshot lives. Default `.data/convex`. */
  dataDir?: string;
  /** The app's Convex functions. Default `convex`. */
  convexDir?: string;
  /** Applied to `process.env` before the app's modules are imported (they read it at import). */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type RunningEngine = { url: string; siteUrl: string; stop(): Promise<void> };

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  assertPinnedVersions();
  const log = options.log ?? (() => {});
  applyEnv(options.env ?? {});
  const modules = discoverModules(options.convexDir ?? "convex");
  const backend = await Backend.create(modules, log);
  const mutations = new MutationLog();
  const persistence = new Persistence(options.dataDir ?? ".data/convex", backend.internals, { mutations }, log);
  const restored = persistence.restore();
  const verifier = new TokenVerifier(providersFrom(await modules.load("auth.config")));

  const api = createApiHandler({ backend, verifier, log });
  const site = createSiteHandler({ backend, verifier, log });
  const apiServer = createServer((request, response) => void api(request, response));
  const sync = new SyncServer(apiServer, { backend, verifier, mutations, log });
  const siteServer = createServer((request, response) => void site(request, response));

  let stopped = false;
  backend.onCommit(() => {
    if (stopped) return;
    persistence.schedule();
    sync.invalidateAll();
  });

  const rearmed = await rearmScheduledFunctions(backend, log);
  let port: number;
  let sitePort: number;
  try {
    port = await listen(apiServer, options.port ?? 3210);
    sitePort = await listen(siteServer, options.sitePort ?? 3211);
  } catch (error) {
    stopped = true;
    await Promise.all([closeServer(apiServer), closeServer(siteServer)]);
    throw error;
  }
  const crons = new CronRunner(backend, log);
  const cronCount = crons.start(await modules.load("crons"));
  log(`restored ${restored} documents, re-armed ${rearmed} scheduled functions, ${cronCount} cron jobs`);

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    crons.stop();
    await sync.close();
    await Promise.all([closeServer(apiServer), closeServer(siteServer)]);
    // Scheduled functions already running commit before the final snapshot; later ones never run here.
    await backend.t.finishInProgressScheduledFunctions();
    stopped = true;
    await persistence.flush();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    stop: () => (stopping ??= stop()),
  };
}

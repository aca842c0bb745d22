/**
 * SpinDesk's offline Convex engine: the app's convex/ functions running in convex-test behind
 * Convex's real client protocol, so the unmodified clients (ConvexReactClient, ConvexClient,
 * ConvexHttpClient) work without a Convex account or network.
 *
 *   port (3210)      WebSocket /api/<version>/sync, POST /api/query|mutation|action, GET /version
 *   sitePort (3211)  the http actions of convex/http.ts
 */
import { AsyncResource } from "node:async_hooks";
import { createServer, type Server } from "node:http";
import { providersFrom, TokenVerifier } from "./auth";
import { installFastCrypto } from "./fast-crypto";
import { Backend } from "./backend";
import { CronRunner } from "./crons";
import { setFileStorageUrl } from "./file-storage";
import { createApiHandler } from "./http-api";
import { applyEnv, discoverModules } from "./modules";
import { MutationLog } from "./mutation-log";
import { Persistence, type RecoveryReport } from "./persistence";
import type { SubscriptionStats } from "./query-set";
import { assertPinnedVersions } from "./pins";
import { rearmScheduledFunctions } from "./scheduled";
import { createSiteHandler } from "./site-server";
import { SyncServer } from "./sync-server";

export type EngineOptions = {
  /** 0 picks a free port. Default 3210. */
  port?: number;
  /** 0 picks a free port. Default 3211. */
  sitePort?: number;
  /** Where the log and snapshot live. Default `.data/convex`. */
  dataDir?: string;
  /** Log size that triggers a compaction into a new snapshot. Default 64 MB. */
  compactLogBytes?: number;
  /** The app's Convex functions. Default `convex`. */
  convexDir?: string;
  /** Applied to `process.env` before the app's modules are imported (they read it at import). */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type EngineStats = {
  /** Subscription query runs since start (each re-run after a relevant commit counts). */
  subscriptionRuns: number;
  recovery: RecoveryReport & { ms: number };
  tables: Record<string, number>;
};

export type RunningEngine = { url: string; siteUrl: string; stats(): EngineStats; stop(): Promise<void> };

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
  installFastCrypto();
  const log = options.log ?? (() => {});
  applyEnv(options.env ?? {});
  const modules = discoverModules(options.convexDir ?? "convex");
  const backend = await Backend.create(modules, log);
  const mutations = new MutationLog();
  const recoveryStarted = performance.now();
  const persistence = new Persistence(options.dataDir ?? ".data/convex", backend.internals, backend.store, mutations, log, options.compactLogBytes);
  const recovery = { ...persistence.recover(), ms: Math.round(performance.now() - recoveryStarted) };
  backend.durable = () => persistence.durable();
  const stats: SubscriptionStats = { runs: 0 };
  const verifier = new TokenVerifier(providersFrom(await modules.load("auth.config")));

  const api = createApiHandler({ backend, verifier, log });
  const site = createSiteHandler({ backend, verifier, log });
  const apiServer = createServer((request, response) => void api(request, response));
  const sync = new SyncServer(apiServer, { backend, verifier, mutations, persistence, stats, log });
  const siteServer = createServer((request, response) => void site(request, response));

  let stopped = false;
  // Subscriptions are re-run from a clean async context, not the committing function's.
  const cleanScope = new AsyncResource("convex-engine-commit");
  backend.onCommit((commit) => {
    // A stopped engine's leftover timers may still commit in memory; its log is closed.
    if (stopped) return;
    const written = backend.store.sync(commit.ids);
    persistence.recordCommit(commit);
    cleanScope.runInAsyncScope(() => sync.invalidate(written));
  });
  const { db } = backend.internals;
  const storeFile = db.storeFile.bind(db);
  db.storeFile = (id, blob) => {
    storeFile(id, blob);
    if (!stopped) persistence.recordBlob(id, blob);
  };

  const rearmed = await rearmScheduledFunctions(backend, persistence, log);
  let port: number;
  let sitePort: number;
  try {
    port = await listen(apiServer, options.port ?? 3210);
    sitePort = await listen(siteServer, options.sitePort ?? 3211);
    setFileStorageUrl(`http://127.0.0.1:${port}`);
  } catch (error) {
    stopped = true;
    await Promise.all([closeServer(apiServer), closeServer(siteServer)]);
    throw error;
  }
  const crons = new CronRunner(backend, log);
  const cronCount = crons.start(await modules.load("crons"));
  log(
    `recovered ${recovery.documents} documents (${recovery.records} log records) in ${recovery.ms} ms, ` +
      `re-armed ${rearmed} scheduled functions, ${cronCount} cron jobs`,
  );

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    crons.stop();
    await sync.close();
    await Promise.all([closeServer(apiServer), closeServer(siteServer)]);
    // Scheduled functions already running commit before the log closes; later ones never run here.
    await backend.t.finishInProgressScheduledFunctions();
    stopped = true;
    await persistence.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    stats: () => ({ subscriptionRuns: stats.runs, recovery, tables: backend.store.tableSizes() }),
    stop: () => (stopping ??= stop()),
  };
}

import { existsSync } from "node:fs";
import path from "node:path";
import { deliverClerkEvents, directoryAsClerkEvents } from "../../lib/auth/local/clerk-events";
import { demoDirectory } from "../../lib/auth/local/directory";
import { ENGINE_NODE_FLAGS } from "../convex-engine/node-flags";
import { freePort, waitForHttp } from "./ports";
import { supervise, type Supervised } from "./supervisor";

/**
 * The whole product on one machine with no account and no network: the offline Convex engine,
 * the WhatsApp simulator and Next.js with the local sign-in, wired to each other. Used by
 * `npm run dev` and by the browser tests (on free ports, with a throwaway data directory).
 */

export type StackPorts = { web: number; convex: number; convexSite: number; whatsapp: number };

export type StackOptions = {
  /** 0 picks a free port. */
  ports: StackPorts;
  /** Where the engine and the local issuer keep their state (survives restarts). */
  dataDir: string;
  /** `dev` for development (hot reload, engine restarts on code change); `start` serves the last `next build`. Crashed processes restart in both. */
  nextMode: "dev" | "start";
  log: (line: string) => void;
  readyTimeoutMs?: number;
};

export type RunningStack = {
  dataDir: string;
  /** Engine, simulator and Next.js, each restarted after a crash. */
  processes: Supervised[];
  webUrl: string;
  convexUrl: string;
  convexSiteUrl: string;
  whatsappUrl: string;
  stop(): Promise<void>;
};

// Development-only secrets: the local stack signs its own webhooks; nothing here protects real data.
export const LOCAL_CLERK_WEBHOOK_SECRET = "whsec_c3BpbmRlc2stbG9jYWwtZGV2ZWxvcG1lbnQtb25seQ==";
export const LOCAL_EVOLUTION_API_KEY = "local-dev-key";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = process.execPath;

async function resolvePorts(ports: StackPorts): Promise<StackPorts> {
  const pick = async (port: number) => (port === 0 ? freePort() : port);
  return { web: await pick(ports.web), convex: await pick(ports.convex), convexSite: await pick(ports.convexSite), whatsapp: await pick(ports.whatsapp) };
}

type Env = Record<string, string | undefined>;

function stackEnv(ports: StackPorts, dataDir: string, nextMode: StackOptions["nextMode"]) {
  const webUrl = `http://localhost:${ports.web}`;
  const urls = {
    webUrl,
    convexUrl: `http://127.0.0.1:${ports.convex}`,
    convexSiteUrl: `http://127.0.0.1:${ports.convexSite}`,
    whatsappUrl: `http://127.0.0.1:${ports.whatsapp}`,
  };
  // Each child gets its own NODE_ENV: under vitest the parent's is "test", which Next.js refuses.
  const { NODE_ENV: _parentNodeEnv, ...inherited } = process.env;
  const shared: Env = {
    ...inherited,
    NEXT_TELEMETRY_DISABLED: "1",
    LOCAL_AUTH_ISSUER: `${webUrl}/api/local-auth`,
    CLERK_WEBHOOK_SECRET: LOCAL_CLERK_WEBHOOK_SECRET,
    EVOLUTION_API_URL: urls.whatsappUrl,
    EVOLUTION_API_KEY: LOCAL_EVOLUTION_API_KEY,
    CONVEX_SITE_URL: urls.convexSiteUrl,
    CONVEX_CLOUD_URL: urls.convexUrl,
  };
  return {
    urls,
    engine: {
      ...shared,
      NODE_ENV: "development",
      CONVEX_ENGINE_PORT: String(ports.convex),
      CONVEX_ENGINE_SITE_PORT: String(ports.convexSite),
      CONVEX_ENGINE_DATA_DIR: path.join(dataDir, "convex"),
    },
    // The simulator keeps its instances and chats here, so a restart finds connected numbers still connected.
    whatsapp: { ...shared, WHATSAPP_SIM_PORT: String(ports.whatsapp), WHATSAPP_SIM_DATA_DIR: path.join(dataDir, "whatsapp") },
    web: {
      ...shared,
      NODE_ENV: nextMode === "dev" ? "development" : "production",
      AUTH_PROVIDER: "local",
      // The browser tests run the production build with the local issuer: the one sanctioned opt-in.
      LOCAL_AUTH_ALLOW_PRODUCTION: "1",
      NEXT_PUBLIC_CONVEX_URL: urls.convexUrl,
      // Onboarding's test step opens the simulator's phone page (absent in production: it names the number instead).
      WHATSAPP_SIM_URL: urls.whatsappUrl,
      LOCAL_AUTH_DATA_DIR: path.join(dataDir, "local-auth"),
      PORT: String(ports.web),
    },
  };
}

function tsxArgs(entry: string) {
  return ["--import", "tsx", entry];
}

/** Clerk would push the demo organizations by webhook; the local stack does the same, idempotently. */
async function seedDemoDirectory(convexSiteUrl: string, log: (line: string) => void) {
  const events = directoryAsClerkEvents(demoDirectory);
  await deliverClerkEvents({ siteUrl: convexSiteUrl, secret: LOCAL_CLERK_WEBHOOK_SECRET, events });
  log(`[seed]     ${events.length} demo organization, user and membership events delivered`);
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const ports = await resolvePorts(options.ports);
  const env = stackEnv(ports, options.dataDir, options.nextMode);
  const timeout = options.readyTimeoutMs ?? 120_000;
  const watch = options.nextMode === "dev";
  if (options.nextMode === "start" && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build` first.");
  }
  const common = { cwd: ROOT, log: options.log };
  const processes: Supervised[] = [];
  const stop = async () => {
    await Promise.all(processes.map((supervised) => supervised.stop()));
  };
  try {
    const engineWatch = watch ? ["convex", "tools/convex-engine", "lib"].map((dir) => path.join(ROOT, dir)) : [];
    const engine = supervise({ ...common, name: "convex", command: NODE, env: env.engine, args: [...ENGINE_NODE_FLAGS, ...tsxArgs("tools/convex-engine/main.ts")], watch: engineWatch });
    const whatsapp = supervise({ ...common, name: "whatsapp", command: NODE, env: env.whatsapp, args: tsxArgs("tools/whatsapp-sim/main.ts") });
    const nextArgs = [path.join(ROOT, "node_modules/next/dist/bin/next"), options.nextMode, "-p", String(ports.web)];
    const web = supervise({ ...common, name: "next", command: NODE, env: env.web, args: nextArgs });
    processes.push(engine, whatsapp, web);
    await waitForHttp(`${env.urls.convexUrl}/version`, timeout);
    await waitForHttp(`${env.urls.whatsappUrl}/`, timeout);
    await seedDemoDirectory(env.urls.convexSiteUrl, options.log);
    await waitForHttp(`${env.urls.webUrl}/api/local-auth/.well-known/jwks.json`, timeout);
    return { ...env.urls, dataDir: options.dataDir, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

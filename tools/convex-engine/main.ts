/**
 * `node --import tsx tools/convex-engine/main.ts` — the offline Convex engine as a process. The dev
 * runner adds `--watch-path=convex --watch-path=tools/convex-engine`; Node then restarts it with
 * SIGTERM. Every answered write is already in the write-ahead log, so even a SIGKILL loses nothing
 * a client was told about.
 */
import { startEngine } from "./index";

/** App settings Convex functions read from their deployment's environment. */
const PASSED_THROUGH = [
  "LOCAL_AUTH_ISSUER",
  "CLERK_WEBHOOK_SECRET",
  "CLERK_JWT_ISSUER_DOMAIN",
  "NODE_ENV",
  "EVOLUTION_API_URL",
  "EVOLUTION_API_KEY",
  "AI_BASE_URL",
  "AI_API_KEY",
  "AI_MODEL",
];

function appEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && (PASSED_THROUGH.includes(name) || name.startsWith("SPINDESK_"))) env[name] = value;
  }
  return env;
}

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}".`);
  return port;
}

const log = (line: string) => console.log(`[convex engine] ${line}`);

const engine = await startEngine({
  port: portFrom("CONVEX_ENGINE_PORT", 3210),
  sitePort: portFrom("CONVEX_ENGINE_SITE_PORT", 3211),
  dataDir: process.env.CONVEX_ENGINE_DATA_DIR || ".data/convex",
  convexDir: process.env.CONVEX_ENGINE_CONVEX_DIR || "convex",
  env: appEnv(),
  log,
});
console.log(`convex engine ready on ${engine.url} (http actions on :${new URL(engine.siteUrl).port})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: saving and closing`);
  // Never keep a watch-mode restart waiting on a stuck socket.
  setTimeout(() => process.exit(1), 5_000).unref();
  try {
    await engine.stop();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

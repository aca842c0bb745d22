/**
 * The engine as its own process (`tools/convex-engine/main.ts`), for what an in-process engine
 * cannot show: a SIGKILL, and figures measured through its real ports. Restarting on the same
 * ports and data directory is what `npm run dev`'s supervisor does after a crash.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ENGINE_NODE_FLAGS } from "../../tools/convex-engine/node-flags";
import { freePort } from "../../tools/dev/ports";
import { CLERK_WEBHOOK_SECRET } from "../fixtures/clerk";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const READY = /convex engine ready on (\S+)/;

export type EngineProcessOptions = { dataDir: string; convexDir: string; issuerUrl: string; port?: number; sitePort?: number; env?: Record<string, string> };

export type EngineProcess = {
  url: string;
  siteUrl: string;
  port: number;
  sitePort: number;
  pid: number;
  /** Lines the engine printed (its `[convex engine] ...` log). */
  output: string[];
  kill(signal: NodeJS.Signals): Promise<void>;
};

/**
 * `ENGINE_EXTRA_FLAGS` adds Node flags to the engine's command line, for looking inside a bench
 * run: `ENGINE_EXTRA_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench` (Node refuses
 * `--cpu-prof` in NODE_OPTIONS).
 */
export async function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  const port = options.port ?? (await freePort());
  const sitePort = options.sitePort ?? (await freePort());
  const { NODE_ENV: _vitest, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [...ENGINE_NODE_FLAGS, ...(process.env.ENGINE_EXTRA_FLAGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", "tools/convex-engine/main.ts"], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: "test",
      CONVEX_ENGINE_PORT: String(port),
      CONVEX_ENGINE_SITE_PORT: String(sitePort),
      CONVEX_ENGINE_DATA_DIR: options.dataDir,
      CONVEX_ENGINE_CONVEX_DIR: options.convexDir,
      LOCAL_AUTH_ISSUER: options.issuerUrl,
      CLERK_WEBHOOK_SECRET,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line) output.push(line);
        if (READY.test(line)) resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => reject(new Error(`the engine exited before it was ready:\n${output.slice(-20).join("\n")}`)));
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    port,
    sitePort,
    pid: child.pid!,
    output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

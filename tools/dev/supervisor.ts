/**
 * Keeps one child of the local stack running: a crash (any exit it was not asked for) restarts it
 * after a delay that doubles with each quick crash (0.5 s … 10 s, reset once it stays up 30 s),
 * and says so in the log. With `watch`, a file change under those paths restarts it at once
 * (replacing `node --watch`, which waits for a file change after a crash instead of restarting).
 */
import { watch, type FSWatcher } from "node:fs";
import { signalGroup, startProcess, type ManagedProcess, type StartOptions } from "./process-manager";

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;
const HEALTHY_AFTER_MS = 30_000;
const WATCH_DEBOUNCE_MS = 300;
const STOP_GRACE_MS = 5_000;
/** Source changes restart a watched child; docs and editor droppings do not. */
const SOURCE_FILE = /\.(ts|tsx|js|mjs|cjs|json)$/;

export type Supervised = {
  name: string;
  /** The child running now (a new one after each restart). */
  current(): ManagedProcess;
  restarts(): number;
  /** Stops it for good (SIGTERM, then SIGKILL after the grace period). */
  stop(): Promise<void>;
};

export function supervise(options: StartOptions & { watch?: string[] }): Supervised {
  let child = startProcess(options);
  let startedAt = Date.now();
  let restarts = 0;
  let quickCrashes = 0;
  let stopping = false;
  let reloadRequested = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const log = (line: string) => options.log(`[dev]      ${line}`);

  const onExit = (managed: ManagedProcess) => {
    void managed.exited.then((code) => {
      if (stopping || managed !== child) return;
      const uptime = Date.now() - startedAt;
      let delay = 0;
      if (reloadRequested) {
        reloadRequested = false;
        log(`${options.name}: files changed, restarted`);
      } else {
        quickCrashes = uptime >= HEALTHY_AFTER_MS ? 0 : quickCrashes + 1;
        delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, quickCrashes - 1));
        const how = managed.child.signalCode ?? `code ${String(code)}`;
        log(`${options.name} exited (${how}) after ${(uptime / 1000).toFixed(1)} s; restarting in ${(delay / 1000).toFixed(1)} s`);
      }
      timer = setTimeout(() => {
        timer = null;
        if (stopping) return;
        restarts += 1;
        child = startProcess(options);
        startedAt = Date.now();
        onExit(child);
      }, delay);
    });
  };
  onExit(child);

  const watchers: FSWatcher[] = [];
  let debounce: ReturnType<typeof setTimeout> | null = null;
  for (const dir of options.watch ?? []) {
    watchers.push(
      watch(dir, { recursive: true }, (_event, file) => {
        if (typeof file === "string" && !SOURCE_FILE.test(file)) return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => {
          if (stopping || child.child.exitCode !== null || child.child.signalCode !== null) return;
          reloadRequested = true;
          signalGroup(child, "SIGTERM");
        }, WATCH_DEBOUNCE_MS);
      }),
    );
  }

  return {
    name: options.name,
    current: () => child,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      for (const watcher of watchers) watcher.close();
      if (debounce) clearTimeout(debounce);
      if (timer) clearTimeout(timer);
      signalGroup(child, "SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_GRACE_MS).unref());
      if ((await Promise.race([child.exited, timeout])) === "timeout") {
        signalGroup(child, "SIGKILL");
        await child.exited;
      }
    },
  };
}

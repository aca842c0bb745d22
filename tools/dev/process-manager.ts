import { spawn, type ChildProcess } from "node:child_process";

export type ManagedProcess = { name: string; child: ChildProcess; exited: Promise<number | null> };

export type StartOptions = { name: string; command: string; args: string[]; env: Record<string, string | undefined>; cwd: string; log: (line: string) => void };

/** Prefixes every output line with the process name, so three servers can share one terminal. */
function pipeLines(stream: NodeJS.ReadableStream | null, emit: (line: string) => void) {
  let pending = "";
  stream?.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) emit(line);
  });
  stream?.on("end", () => pending && emit(pending));
}

/** Starts a child in its own process group, so stopping it also stops whatever it spawned. */
export function startProcess({ name, command, args, env, cwd, log }: StartOptions): ManagedProcess {
  // Next's types narrow NODE_ENV; children get plain string maps.
  const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const tag = `[${name}]`.padEnd(11);
  pipeLines(child.stdout, (line) => log(`${tag}${line}`));
  pipeLines(child.stderr, (line) => log(`${tag}${line}`));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, child, exited };
}

export function signalGroup(process_: ManagedProcess, signal: NodeJS.Signals) {
  if (process_.child.pid === undefined || process_.child.exitCode !== null) return;
  try {
    process.kill(-process_.child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM every group, then SIGKILL whatever is still running after the grace period. */
export async function stopAll(processes: ManagedProcess[], graceMs = 5_000): Promise<void> {
  for (const managed of processes) signalGroup(managed, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  const all = Promise.all(processes.map((managed) => managed.exited));
  if ((await Promise.race([all, timeout])) === "timeout") {
    for (const managed of processes) signalGroup(managed, "SIGKILL");
    await all;
  }
}

import path from "node:path";
import { startProcess, stopAll } from "./process-manager";

/**
 * `npm run dev:convex`: the same app against a real Convex deployment and Clerk, configured in
 * .env.local (see .env.example). `convex dev` pushes functions on every change; Next.js serves the app.
 */
const root = path.resolve(import.meta.dirname, "../..");
const log = (line: string) => process.stdout.write(`${line}\n`);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, AUTH_PROVIDER: process.env.AUTH_PROVIDER ?? "clerk" };

const processes = [
  startProcess({ name: "convex", command: bin("convex"), args: ["dev"], env, cwd: root, log }),
  startProcess({ name: "next", command: bin("next"), args: ["dev", "-p", process.env.PORT ?? "3000"], env, cwd: root, log }),
];

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void stopAll(processes).then(() => process.exit(0)));
}
// If either exits (e.g. convex dev needs a login), stop the other so the terminal is not left half-running.
await Promise.race(processes.map((managed) => managed.exited));
await stopAll(processes);
process.exit(1);

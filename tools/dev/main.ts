import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { demoDirectory } from "../../lib/auth/local/directory";
import { startStack, type StackPorts } from "./stack";

/** `npm run dev`: the whole product offline, one Ctrl-C to stop it. Ports overridable by environment. */

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port number`);
  return value;
}

const ports: StackPorts = {
  web: port("PORT", 3000),
  convex: port("CONVEX_ENGINE_PORT", 3210),
  convexSite: port("CONVEX_ENGINE_SITE_PORT", 3211),
  whatsapp: port("WHATSAPP_SIM_PORT", 8080),
};

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Bytes under `dir` (0 when it does not exist yet). */
function sizeOf(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
    }
  } catch {
    // Not created yet, or a file vanished while listing (the engine compacting its log).
  }
  return total;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function printWelcome(urls: { dataDir: string; webUrl: string; convexUrl: string; convexSiteUrl: string; whatsappUrl: string }, seconds: string) {
  const orgName = (id: string) => demoDirectory.organizations.find((org) => org.id === id)?.name ?? id;
  const logins = demoDirectory.users.map((user) => {
    const roles = demoDirectory.memberships
      .filter((membership) => membership.userId === user.id)
      .map((membership) => `${membership.role} of ${orgName(membership.orgId)}`);
    return `    ${user.name.padEnd(14)} ${roles.join(", ")}`;
  });
  log(
    [
      "",
      `SpinDesk is ready (${seconds} s):`,
      `  App                ${urls.webUrl.padEnd(24)} sign in as a demo user, no password`,
      `  Convex engine      ${urls.convexUrl.padEnd(24)} http actions and webhooks on ${urls.convexSiteUrl}`,
      `  WhatsApp simulator ${urls.whatsappUrl.padEnd(24)} phones for connecting agents and chatting as a customer`,
      `  Data               ${urls.dataDir} (${megabytes(sizeOf(urls.dataDir))}; engine log and snapshot in convex/: ${megabytes(sizeOf(path.join(urls.dataDir, "convex")))})`,
      "  Crashed processes restart by themselves; the engine's data survives a crash (write-ahead log).",
      "  Demo logins:",
      ...logins,
      "Press Ctrl-C to stop everything.",
      "",
    ].join("\n"),
  );
}

const startedAt = Date.now();
const stack = await startStack({ ports, dataDir: path.resolve(process.env.SPINDESK_DATA_DIR ?? ".data"), nextMode: "dev", log }).catch((error: unknown) => {
  log(`could not start SpinDesk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
printWelcome(stack, ((Date.now() - startedAt) / 1000).toFixed(1));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log("\nstopping SpinDesk…");
    void stack.stop().then(() => process.exit(0));
  });
}

// Completes package-lock.json with the platform-specific optional binaries (e.g. @next/swc-darwin-arm64)
// that `npm install` leaves out when its registry lacks them, as a partial mirror does. `npm ci`
// refuses a lock without them. Each entry gets the version its parent pins and the os/cpu/libc
// read from its name, so npm skips it on other platforms without ever fetching it.
// Usage: node tools/complete-lockfile.mjs [--check]   (--check: exit 1 if entries are missing)
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const OS = ["darwin", "linux", "win32", "android", "freebsd", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasm32"];

/** os/cpu/libc constraints implied by a binary package's name, e.g. "...-linux-x64-musl". */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const entry = {};
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c));
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu];
  if (os === "linux" && parts.some((p) => p.startsWith("musl"))) entry.libc = ["musl"];
  else if (os === "linux" && parts.some((p) => p.startsWith("gnu"))) entry.libc = ["glibc"];
  return entry;
}

const EXACT = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const packages = lock.packages;
const added = [];
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    if (!EXACT.test(spec)) continue; // a range would need the registry to resolve; leave it to npm
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue;
    packages[`node_modules/${name}`] = { version: spec, optional: true, ...platform };
    added.push(`${name}@${spec}`);
  }
}

if (process.argv.includes("--check")) {
  if (added.length > 0) {
    console.error(`package-lock.json lacks ${added.length} optional platform binaries (${added.slice(0, 3).join(", ")}, ...).`);
    console.error("Run `node tools/complete-lockfile.mjs` and commit package-lock.json.");
    process.exit(1);
  }
  console.log("package-lock.json lists every optional platform binary.");
} else {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.length} optional platform entries` : "nothing to add");
}

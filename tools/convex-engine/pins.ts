/**
 * The engine speaks Convex's sync protocol as implemented by one client version and reaches into
 * one convex-test version's private state (see internals.ts, journal.ts). Any other version may
 * still work, but silently wrong behaviour is worse than a clear refusal to start.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const PINNED_VERSIONS = { convex: "1.48.0", "convex-test": "0.0.60" } as const;

function installedVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`convex engine: cannot find the installed version of ${name}.`);
    dir = parent;
  }
}

export function assertPinnedVersions(): void {
  for (const [name, pinned] of Object.entries(PINNED_VERSIONS)) {
    const installed = installedVersion(name);
    if (installed !== pinned) {
      throw new Error(
        `convex engine: expected ${name}@${pinned} but ${installed} is installed. ` +
          "The engine depends on that exact version's protocol and internals; review tools/convex-engine before upgrading.",
      );
    }
  }
}

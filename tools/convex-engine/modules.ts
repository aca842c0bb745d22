/**
 * The app's Convex modules, found on disk the way `npx convex dev` would bundle them, in the
 * shape convex-test expects: absolute path → lazy import. convex-test strips the extension and
 * treats everything before `_generated` as the modules root.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export type ModuleNamespace = Record<string, unknown>;
export type ModuleLoader = () => Promise<ModuleNamespace>;

export type AppModules = {
  /** For `convexTest(schema, modules)`. */
  map: Record<string, ModuleLoader>;
  /** The namespace of `dir/file` (no extension), or null when there is no such module. */
  load(modulePath: string): Promise<ModuleNamespace | null>;
};

/**
 * convex-test re-serialises a function's validators on every call (`JSON.parse(func.exportArgs())`
 * and `exportReturns()` in `resolveFunction`); a registered function never changes, so each JSON
 * string is computed once. PIN convex 1.48.0: registered functions carry `isQuery|isMutation|
 * isAction` and own `exportArgs`/`exportReturns` methods returning JSON (server/impl/registration_impl.js).
 */
function memoizeValidatorJson(namespace: ModuleNamespace): ModuleNamespace {
  for (const value of Object.values(namespace)) {
    if (typeof value !== "function" && (typeof value !== "object" || value === null)) continue;
    const fn = value as Record<string, unknown>;
    if (!fn.isQuery && !fn.isMutation && !fn.isAction) continue;
    for (const name of ["exportArgs", "exportReturns"]) {
      const original = fn[name];
      if (typeof original !== "function") continue;
      let json: unknown;
      fn[name] = () => (json ??= (original as () => unknown).call(fn));
    }
  }
  return namespace;
}

function isFunctionSource(relative: string): boolean {
  if (relative.endsWith(".d.ts") || /\.test\.[jt]s$/.test(relative)) return false;
  if (relative.startsWith("_generated/")) return relative.endsWith(".js");
  return relative.endsWith(".ts") || relative.endsWith(".js");
}

function walk(root: string, dir = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    // Symlinked entries count as what they point to (tests overlay extra modules this way).
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path.join(root, relative)).isDirectory());
    if (isDirectory) {
      if (entry.name !== "node_modules") found.push(...walk(root, relative));
    } else if (isFunctionSource(relative)) {
      found.push(relative);
    }
  }
  return found.sort();
}

export function discoverModules(convexDir: string): AppModules {
  const root = path.resolve(convexDir);
  const map: Record<string, ModuleLoader> = {};
  const byModulePath = new Map<string, ModuleLoader>();
  for (const relative of walk(root)) {
    const absolute = path.join(root, relative);
    // convex-test calls the loader on every function call; each `import()` goes through the
    // module loader (and tsx's off-thread hooks) even when the module is already loaded.
    let loaded: Promise<ModuleNamespace> | null = null;
    const loader: ModuleLoader = () => (loaded ??= (import(absolute) as Promise<ModuleNamespace>).then(memoizeValidatorJson));
    map[absolute] = loader;
    byModulePath.set(relative.replace(/\.[^.]+$/, ""), loader);
  }
  if (!Object.keys(map).some((key) => key.includes("_generated"))) {
    throw new Error(`convex engine: ${root} has no _generated directory; run \`npm run codegen\` first.`);
  }
  return {
    map,
    async load(modulePath) {
      const loader = byModulePath.get(modulePath);
      return loader ? await loader() : null;
    },
  };
}

/** The app reads `process.env` at import time (`_generated/server.js` exports it as `env`). */
export function applyEnv(env: Record<string, string>): void {
  for (const [name, value] of Object.entries(env)) process.env[name] = value;
}

import type { Id, TableNames } from "../../convex/_generated/dataModel";
import { modules } from "./setup";

export type FunctionKind = "query" | "mutation" | "action";

export type DiscoveredFunction = {
  /** Convex path, e.g. `organizations:setTimezone`. */
  path: string;
  kind: FunctionKind;
  /** The JSON form of the args validator, as Convex exports it. */
  args: ValidatorJson;
};

type ValidatorJson = { type: string; [key: string]: unknown };

type RegisteredFunction = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
  exportArgs(): string;
};

function kindOf(fn: RegisteredFunction): FunctionKind | null {
  if (fn.isQuery) return "query";
  if (fn.isMutation) return "mutation";
  if (fn.isAction) return "action";
  return null;
}

function convexPath(modulePath: string, exportName: string): string {
  const moduleName = modulePath.replace(/^.*\/convex\//, "").replace(/\.ts$/, "");
  return `${moduleName}:${exportName}`;
}

/** Every public query, mutation and action exported from convex/, found by loading the modules. */
export async function discoverPublicFunctions(): Promise<DiscoveredFunction[]> {
  const found: DiscoveredFunction[] = [];
  for (const [modulePath, load] of Object.entries(modules)) {
    if (modulePath.includes("/_generated/")) continue;
    const exports = (await load()) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      if (typeof value !== "function" && typeof value !== "object") continue;
      const fn = value as RegisteredFunction;
      const kind = kindOf(fn);
      if (kind === null || fn.isPublic !== true) continue;
      found.push({ path: convexPath(modulePath, exportName), kind, args: JSON.parse(fn.exportArgs()) as ValidatorJson });
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Tables whose ids functions take: the app's, and file storage's. */
type IdTable = TableNames | "_storage";
export type SampleIds = Partial<Record<IdTable, Id<IdTable>>>;

/**
 * A value that passes the validator, so the call reaches the guard: ids come from `ids` (real rows
 * of the org under test), everything else is the simplest valid value.
 */
export function sampleValue(validator: ValidatorJson, ids: SampleIds): unknown {
  switch (validator.type) {
    case "string":
      return "sample";
    case "number":
      return 1;
    case "bigint":
      return 1n;
    case "boolean":
      return false;
    case "null":
    case "any":
      return null;
    case "literal":
      return validator.value;
    case "bytes":
      return new ArrayBuffer(0);
    case "array":
    case "record":
      return validator.type === "array" ? [] : {};
    case "union":
      return sampleValue((validator.value as ValidatorJson[])[0], ids);
    case "id": {
      const id = ids[validator.tableName as IdTable];
      if (id === undefined) throw new Error(`No sample id for table ${String(validator.tableName)}`);
      return id;
    }
    case "object":
      return sampleObject(validator.value as Record<string, { fieldType: ValidatorJson; optional: boolean }>, ids);
    default:
      throw new Error(`No sample for validator type ${validator.type}`);
  }
}

function sampleObject(fields: Record<string, { fieldType: ValidatorJson; optional: boolean }>, ids: SampleIds) {
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!field.optional) value[name] = sampleValue(field.fieldType, ids);
  }
  return value;
}

/** Arguments for `fn` that validate, addressed to organization `orgId`. */
export function sampleArgs(fn: DiscoveredFunction, orgId: string, ids: SampleIds): Record<string, unknown> {
  const args = fn.args.type === "any" ? {} : (sampleValue(fn.args, ids) as Record<string, unknown>);
  return "orgId" in args ? { ...args, orgId } : args;
}

/**
 * Encodings shared by the sync protocol and the HTTP API. PIN convex 1.48.0: as its clients expect
 * them (browser/sync/protocol.js, values/value.js, server/api.js).
 */
import { convexToJson, type JSONValue, type Value } from "convex/values";

/** Timestamps travel as base64 of a little-endian u64 (Long.fromBytesLE on the client). */
export function encodeTs(ts: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(ts);
  return bytes.toString("base64");
}

export function decodeTs(encoded: string): bigint {
  return Buffer.from(encoded, "base64").readBigUInt64LE();
}

/** `"dir/mod"` → `"dir/mod:default"`, `"mod.js:fn"` → `"mod:fn"`, as the clients do. */
export function canonicalizeUdfPath(udfPath: string): string {
  const [module, exportName] = udfPath.includes(":") ? udfPath.split(":", 2) : [udfPath, "default"];
  return `${module.replace(/\.js$/, "")}:${exportName}`;
}

/** A function returning `undefined` answers `null`, like the Convex runtime. */
export function toWire(value: unknown): JSONValue {
  return convexToJson((value === undefined ? null : value) as Value);
}

/** The result of one function call, before it is framed for WebSocket or HTTP. */
export type Outcome =
  | { ok: true; value: JSONValue; logLines: string[] }
  | { ok: false; errorMessage: string; errorData?: JSONValue; logLines: string[] };

export type FunctionKind = "query" | "mutation" | "action";

export type SyncVersion = { querySet: number; identity: number; ts: bigint };

export function encodeVersion(version: SyncVersion) {
  return { querySet: version.querySet, identity: version.identity, ts: encodeTs(version.ts) };
}

export type QueryModification =
  | { type: "QueryUpdated"; queryId: number; value: JSONValue; logLines: string[]; journal: string | null }
  | {
      type: "QueryFailed";
      queryId: number;
      errorMessage: string;
      logLines: string[];
      journal: string | null;
      errorData?: JSONValue;
    }
  | { type: "QueryRemoved"; queryId: number };

export type MutationResponse =
  | { type: "MutationResponse"; requestId: number; success: true; result: JSONValue; ts: string; logLines: string[] }
  | { type: "MutationResponse"; requestId: number; success: false; result: string; logLines: string[]; errorData?: JSONValue };

export type ActionResponse =
  | { type: "ActionResponse"; requestId: number; success: true; result: JSONValue; logLines: string[] }
  | { type: "ActionResponse"; requestId: number; success: false; result: string; logLines: string[]; errorData?: JSONValue };

/** The failure fields of an outcome, `errorData` only when the function threw a ConvexError. */
export function failureFields(outcome: Extract<Outcome, { ok: false }>) {
  return outcome.errorData === undefined
    ? { result: outcome.errorMessage, logLines: outcome.logLines }
    : { result: outcome.errorMessage, logLines: outcome.logLines, errorData: outcome.errorData };
}

/**
 * The rows a query source yields, in order, lazily: the committed rows of the index range (two
 * binary searches, then a walk) merged with the running transaction's own writes to that table,
 * which convex-test shows to the transaction that made them.
 *
 * PIN convex 1.48.0 / convex-test 0.0.60: a source is `{ type: "FullTableScan", tableName, order }`
 * or `{ type: "IndexRange", indexName: "table.index", range, order }`, where `range` (already
 * validated by convex-test) is equalities on the leading index fields then at most one lower and
 * one upper bound on the next field; a bound's value is convex JSON, `{ $undefined: null }` meaning
 * a missing field.
 */
import { jsonToConvex, type JSONValue, type Value } from "convex/values";
import { keyOf, tableNameFromId, type DocumentStore } from "./document-store";
import type { StoredDocument } from "./internals";
import { comparePrefix, type IndexEntry, type IndexKey } from "./sorted-index";

export type Order = "asc" | "desc";
type RangeExpression = { type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte"; fieldPath: string; value: JSONValue };
export type QuerySource =
  | { type: "FullTableScan"; tableName: string; order?: Order | null }
  | { type: "IndexRange"; indexName: string; range: RangeExpression[]; order?: Order | null }
  | { type: "Search"; indexName: string };

/** What a range is, in key space: entries before `start` or not before `end` are outside it. */
export type RangePlan = {
  table: string;
  indexName: string;
  fields: string[];
  order: Order;
  beforeStart: (key: IndexKey) => boolean;
  beforeEnd: (key: IndexKey) => boolean;
};

/** A transaction's uncommitted writes, newest level last, as convex-test stacks them. */
export type PendingWrites = Record<string, StoredDocument | null>[];

function boundValue(value: JSONValue): Value | undefined {
  const isUndefined = typeof value === "object" && value !== null && !Array.isArray(value) && "$undefined" in value;
  // A bound never holds a pending commit timestamp; keys are compared like field values.
  return isUndefined ? undefined : jsonToConvex(value);
}

/** The plan for an indexed source, or null for sources the store does not serve (search). */
export function planRange(store: DocumentStore, source: QuerySource): RangePlan | null {
  if (source.type === "Search") return null;
  const order = source.order ?? "asc";
  if (source.type === "FullTableScan") {
    const always = () => false;
    return { table: source.tableName, indexName: "by_creation_time", fields: ["_creationTime", "_id"], order, beforeStart: always, beforeEnd: () => true };
  }
  const [table = "", indexName = ""] = source.indexName.split(".");
  const fields = store.indexFields(table, indexName);
  if (fields === null) return null;
  const equal: IndexKey = [];
  let low: { key: IndexKey; strict: boolean } | null = null;
  let high: { key: IndexKey; strict: boolean } | null = null;
  for (const expression of source.range) {
    const value = boundValue(expression.value);
    if (expression.type === "Eq") equal.push(value);
    else if (expression.type === "Gt" || expression.type === "Gte") low = { key: [...equal, value], strict: expression.type === "Gt" };
    else high = { key: [...equal, value], strict: expression.type === "Lt" };
  }
  const lower = low ?? { key: equal, strict: false };
  const upper = high ?? { key: equal, strict: false };
  return {
    table,
    indexName,
    fields,
    order,
    beforeStart: (key) => (lower.strict ? comparePrefix(key, lower.key) <= 0 : comparePrefix(key, lower.key) < 0),
    beforeEnd: (key) => (upper.strict ? comparePrefix(key, upper.key) < 0 : comparePrefix(key, upper.key) <= 0),
  };
}

function latestWrite(pending: PendingWrites, id: string): StoredDocument | null | undefined {
  for (let level = pending.length - 1; level >= 0; level--) {
    const write = pending[level]![id];
    if (write !== undefined) return write;
  }
  return undefined;
}

/** The table's ids written by the transaction, with their latest value (null = deleted). */
function pendingOf(pending: PendingWrites, table: string): Map<string, StoredDocument | null> {
  const found = new Map<string, StoredDocument | null>();
  for (const level of pending) {
    for (const id of Object.keys(level)) {
      if (!found.has(id) && tableNameFromId(id) === table) found.set(id, latestWrite(pending, id) ?? null);
    }
  }
  return found;
}

/**
 * The source's documents in order. `afterCursor(doc)` (monotone along the order) limits them to
 * those strictly after a pagination cursor. The transaction's writes are taken when this is
 * called, as convex-test evaluates a query when it starts.
 */
export function streamRange(
  store: DocumentStore,
  plan: RangePlan,
  pending: PendingWrites,
  afterCursor: ((doc: StoredDocument) => boolean) | null,
): Generator<StoredDocument> {
  const { fields, order, beforeStart, beforeEnd } = plan;
  const overlay = pendingOf(pending, plan.table);
  const inRange = (key: IndexKey) => !beforeStart(key) && beforeEnd(key);
  const own: IndexEntry[] = [];
  for (const doc of overlay.values()) {
    if (doc === null) continue;
    const key = keyOf(fields, doc);
    if (inRange(key) && (afterCursor === null || afterCursor(doc))) own.push({ key, doc });
  }
  const direction = order === "asc" ? 1 : -1;
  own.sort((a, b) => direction * comparePrefix(a.key, b.key));
  const index = store.index(plan.table, plan.indexName, fields);
  // Ascending, "after the cursor" holds for a suffix of the index; descending, for a prefix.
  const start = index.boundary((entry) => beforeStart(entry.key) || (order === "asc" && afterCursor !== null && !afterCursor(entry.doc)));
  const end = index.boundary((entry) => beforeEnd(entry.key) && (order === "asc" || afterCursor === null || afterCursor(entry.doc)));
  const committed = index.range(start, end, order);
  return merge(committed, own, overlay, direction);
}

function* merge(
  committed: Generator<IndexEntry>,
  own: IndexEntry[],
  overlay: Map<string, StoredDocument | null>,
  direction: number,
): Generator<StoredDocument> {
  let next = 0;
  for (const entry of committed) {
    // A row the transaction rewrote or deleted shows in its written form, or not at all.
    if (overlay.has(entry.doc._id)) continue;
    while (next < own.length && direction * comparePrefix(own[next]!.key, entry.key) < 0) yield own[next++]!.doc;
    yield entry.doc;
  }
  while (next < own.length) yield own[next++]!.doc;
}

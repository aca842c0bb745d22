/**
 * convex-test keeps every document of every table in one object; it answers each query by
 * filtering all of them by table name and sorting the survivors. This keeps, next to it and in
 * step with every top-level commit, each table's documents and an ordered index per schema index
 * (built on first use), so a range query costs O(log n + rows) and a table scan O(rows of the table).
 *
 * PIN convex-test 0.0.60: index fields come from `db._schema.tables.get(table).indexes`
 * (`{ indexDescriptor, fields }`); indexed fields are followed by `_creationTime` and `_id`, the
 * built-in indexes are `by_creation_time` and `by_id`, and ids are `<counter><table>`.
 */
import { CommitTsPlaceholder, type Value } from "convex/values";
import type { DatabaseFake, StoredDocument } from "./internals";
import { SortedIndex, type IndexKey } from "./sorted-index";

/** The schema as convex-test holds it (only what indexes need). */
export type SchemaFake = { tables: Map<string, { indexes: { indexDescriptor: string; fields: string[] }[] }> } | null;

const MAX_COMMIT_TS = 2n ** 63n - 1n;

export function tableNameFromId(id: string): string | null {
  const match = /^[0-9]+/.exec(id);
  if (!match || match[0].length === id.length) return null;
  return id.slice(match[0].length);
}

function isSimpleObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || (prototype as { constructor?: { name?: string } }).constructor?.name === "Object";
}

function hasPending(value: unknown): boolean {
  if (value instanceof CommitTsPlaceholder) return true;
  if (Array.isArray(value)) return value.some(hasPending);
  return isSimpleObject(value) && Object.values(value).some(hasPending);
}

/** A pending commit timestamp reads as the largest one, as convex-test's `resolvePendingValues` does. */
function resolvePending(value: unknown): unknown {
  if (!hasPending(value)) return value;
  if (value instanceof CommitTsPlaceholder) return MAX_COMMIT_TS;
  if (Array.isArray(value)) return value.map(resolvePending);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, resolvePending(item)]));
}

/** convex-test's `evaluateFieldPath`: dotted paths through plain objects, missing = undefined. */
export function fieldValue(fieldPath: string, doc: StoredDocument): Value | undefined {
  let result: unknown = doc;
  for (const part of fieldPath.split(".")) result = isSimpleObject(result) ? result[part] : undefined;
  return result === undefined ? undefined : (resolvePending(result) as Value);
}

export function keyOf(fields: string[], doc: StoredDocument): IndexKey {
  return fields.map((field) => fieldValue(field, doc));
}

export class DocumentStore {
  private readonly tables = new Map<string, Map<string, StoredDocument>>();
  /** table → index name → its ordered index, once a query has asked for it. */
  private readonly indexes = new Map<string, Map<string, { fields: string[]; index: SortedIndex }>>();

  constructor(private readonly db: DatabaseFake & { _schema?: SchemaFake }) {}

  /** Starts over from `db._documents` (after a restore). */
  rebuild(): void {
    this.tables.clear();
    this.indexes.clear();
    for (const [id, doc] of Object.entries(this.db._documents)) this.table(tableNameFromId(id) ?? "").set(id, doc);
  }

  table(name: string): Map<string, StoredDocument> {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table;
  }

  tableSizes(): Record<string, number> {
    return Object.fromEntries([...this.tables].map(([name, table]) => [name, table.size]));
  }

  /** The key fields of `table.index` (with `_creationTime`, `_id`), or null when it is not declared. */
  indexFields(table: string, indexName: string): string[] | null {
    if (indexName === "by_creation_time") return ["_creationTime", "_id"];
    if (indexName === "by_id") return ["_id"];
    const declared = this.db._schema?.tables.get(table)?.indexes.find((index) => index.indexDescriptor === indexName);
    return declared === undefined ? null : [...declared.fields, "_creationTime", "_id"];
  }

  index(table: string, indexName: string, fields: string[]): SortedIndex {
    let ofTable = this.indexes.get(table);
    if (ofTable === undefined) {
      ofTable = new Map();
      this.indexes.set(table, ofTable);
    }
    let built = ofTable.get(indexName);
    if (built === undefined) {
      const entries = [...this.table(table).values()].map((doc) => ({ key: keyOf(fields, doc), doc }));
      built = { fields, index: SortedIndex.from(entries) };
      ofTable.set(indexName, built);
    }
    return built.index;
  }

  /**
   * Brings tables and indexes in line with `db._documents` for these ids, right after a commit
   * (or an engine-internal write) changed them; returns the tables touched.
   */
  sync(ids: Iterable<string>): Set<string> {
    const touched = new Set<string>();
    for (const id of ids) {
      const tableName = tableNameFromId(id);
      if (tableName === null) continue;
      touched.add(tableName);
      const table = this.table(tableName);
      const before = table.get(id) ?? null;
      const after = this.db._documents[id] ?? null;
      if (before === after) continue;
      if (after === null) table.delete(id);
      else table.set(id, after);
      for (const { fields, index } of this.indexes.get(tableName)?.values() ?? []) {
        if (before !== null) index.remove(keyOf(fields, before));
        if (after !== null) index.insert({ key: keyOf(fields, after), doc: after });
      }
    }
    return touched;
  }
}

/**
 * Search-index queries (`withSearchIndex`) on the engine. convex-test evaluates them by scanning the
 * table, but (PIN convex-test 0.0.60, `evaluateSearchFilter`) it throws on a document that lacks the
 * search field — Convex simply leaves such a document out of the index — and it sorts nothing, while
 * its cursors compare `_id`s, so pages could repeat or skip rows. Here a search source yields the
 * documents that have the field as a string and match (every filter field equal; any query term a
 * prefix of a word, as convex-test matches), newest first, with cursors over `_creationTime` + `_id`.
 * Convex orders by relevance; newest-first is the engine's documented stand-in.
 */
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { StoredDocument } from "./internals";

type SearchFilter = { type: "Search"; fieldPath: string; value: string } | { type: "Eq"; fieldPath: string; value: JSONValue };
export type SearchSource = { type: "Search"; indexName: string; filters: SearchFilter[] };

type Resolved = {
  sortedDocs: StoredDocument[];
  filterFn: (doc: StoredDocument) => boolean;
  limit: number | null;
  fieldPathsToSortBy: string[];
  order: "asc" | "desc";
};

const fieldOf = (doc: StoredDocument, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), doc);

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(convexToJson(a as Value)) === JSON.stringify(convexToJson(b as Value));

function termsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
}

export function matchesSearch(doc: StoredDocument, filters: SearchFilter[]): boolean {
  return filters.every((filter) => {
    const value = fieldOf(doc, filter.fieldPath);
    if (filter.type === "Eq") {
      const wanted = typeof filter.value === "object" && filter.value !== null && "$undefined" in filter.value ? undefined : jsonToConvex(filter.value);
      return value === undefined || wanted === undefined ? value === wanted : sameValue(value, wanted);
    }
    if (typeof value !== "string") return false;
    const words = termsOf(value);
    return termsOf(filter.value).some((term) => words.some((word) => word.startsWith(term)));
  });
}

/**
 * Resolves a search source: `resolveOther` (convex-test's own resolution, run over an empty table
 * scan) supplies the compiled filter and limit; `iterate` walks the table's committed and pending docs.
 */
export function resolveSearch(
  source: SearchSource,
  operators: unknown[],
  resolveOther: (query: { source: unknown; operators: unknown[] }) => Resolved,
  iterate: (table: string, callback: (doc: StoredDocument) => void) => void,
): Resolved {
  const [table = ""] = source.indexName.split(".");

  const { filterFn, limit } = resolveOther({ source: { type: "FullTableScan", tableName: table, order: "desc" }, operators });
  const docs: StoredDocument[] = [];
  iterate(table, (doc) => {
    if (matchesSearch(doc, source.filters)) docs.push(doc);
  });
  const key = (doc: StoredDocument) => [doc._creationTime as number, String(doc._id)] as const;
  docs.sort((a, b) => {
    const [ta, ia] = key(a);
    const [tb, ib] = key(b);
    return tb - ta || (ia < ib ? 1 : ia > ib ? -1 : 0);
  });
  return { sortedDocs: docs, filterFn, limit, fieldPathsToSortBy: ["_creationTime", "_id"], order: "desc" };
}

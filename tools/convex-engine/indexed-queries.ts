/**
 * Replaces convex-test's whole-database query evaluation with the document store's indexes, on the
 * engine's one DatabaseFake instance. Filters, limits, validation and cursor encoding stay
 * convex-test's own: `_resolveQuerySource` is still called, with no documents to iterate, to get the
 * compiled filter, the sort fields and its errors; cursors go through `_encodeCursor` and
 * `_docIsAfterCursor`. The contract suite's property test holds the results to convex-test's.
 *
 * PIN convex-test 0.0.60 (DatabaseFake in dist/index.js): `startQuery(query) → id`,
 * `queryNext(id) → { value, done }`, `paginate({ query, cursor, endCursor, pageSize,
 * maximumRowsRead, maximumBytesRead })`, `_iterateDocs(table, callback)`, `_writes` (stack of
 * pending writes), `_nextQueryId`, and `paginate`'s loop, copied below with the documents streamed.
 */
import { getDocumentSize, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { tableNameFromId, type DocumentStore } from "./document-store";
import { planRange, streamRange, type Order, type PendingWrites, type QuerySource } from "./index-range";
import type { DatabaseFake, StoredDocument } from "./internals";
import { recordRead } from "./read-sets";
import { resolveSearch, type SearchSource } from "./search-queries";

type SerializedQuery = { source: QuerySource; operators: unknown[] };
type Resolved = { sortedDocs: StoredDocument[]; filterFn: (doc: StoredDocument) => boolean; limit: number | null; fieldPathsToSortBy: string[]; order: Order };
type PageRequest = { query: SerializedQuery; cursor: string | null; endCursor?: string | null; pageSize: number; maximumRowsRead?: number; maximumBytesRead?: number };
type PageResult = { page: StoredDocument[]; isDone: boolean; continueCursor: string; splitCursor: string | null; pageStatus: string | null };

/** The DatabaseFake members this file reads or replaces. */
export type QueryableDatabase = DatabaseFake & {
  _writes: PendingWrites;
  _nextQueryId: number;
  _resolveQuerySource(query: SerializedQuery): Resolved;
  _iterateDocs(table: string, callback: (doc: StoredDocument) => void): void;
  _encodeCursor(doc: StoredDocument, fields: string[]): string;
  _docIsAfterCursor(doc: StoredDocument, keys: unknown[], fields: string[], order: Order): number;
  get(table: string | undefined, id: string): StoredDocument | null;
  startQuery(query: SerializedQuery): number;
  queryNext(queryId: number): { value: StoredDocument | null; done: boolean };
  paginate(request: PageRequest): PageResult;
  rollbackWrites(): void;
};

const END = "_end_cursor";

const documentSize = (doc: StoredDocument) => getDocumentSize(doc as Record<string, Value>);

function parseCursor(cursor: string): (Value | undefined)[] {
  return (JSON.parse(cursor) as (string | null)[]).map((key) => (key === null ? undefined : jsonToConvex(JSON.parse(key) as JSONValue)));
}

export function installIndexedQueries(db: QueryableDatabase, store: DocumentStore): void {
  const originalResolve = db._resolveQuerySource.bind(db);
  const originalGet = db.get.bind(db);
  const originalStartQuery = db.startQuery.bind(db);
  const originalPaginate = db.paginate.bind(db);
  const originalRollback = db.rollbackWrites.bind(db);
  const open = new Map<number, Iterator<StoredDocument>>();
  let describing = false;

  /** convex-test's own checks, filter and sort fields for the query, without evaluating it. */
  const describe = (query: SerializedQuery): Resolved => {
    describing = true;
    try {
      return originalResolve(query);
    } finally {
      describing = false;
    }
  };

  // Search sources: documents without the search field are skipped, results newest first (search-queries.ts).
  db._resolveQuerySource = (query) => {
    if (query.source.type !== "Search") return originalResolve(query);
    const iterate = (table: string, callback: (doc: StoredDocument) => void) => (describing ? undefined : db._iterateDocs(table, callback));
    return resolveSearch(query.source as SearchSource, query.operators, (other) => describe(other as SerializedQuery), iterate);
  };

  // Per table, committed then pending: convex-test's order, without reading other tables.
  db._iterateDocs = (table, callback) => {
    if (describing) return;
    const ids = new Set(store.table(table).keys());
    for (const level of db._writes) for (const id of Object.keys(level)) if (tableNameFromId(id) === table) ids.add(id);
    for (const id of ids) {
      const doc = originalGet(table, id);
      if (doc !== null) callback(doc);
    }
  };

  db.get = (table, id) => {
    recordRead(typeof id === "string" ? tableNameFromId(id) : null);
    return originalGet(table, id);
  };

  db.startQuery = (query) => {
    const plan = planRange(store, query.source);
    recordRead(plan?.table ?? (query.source.type === "Search" ? query.source.indexName.split(".")[0] : null));
    if (plan === null) return originalStartQuery(query);
    const { filterFn, limit } = describe(query);
    const queryId = db._nextQueryId++;
    open.set(queryId, filtered(streamRange(store, plan, db._writes, null), filterFn, limit));
    return queryId;
  };

  const originalQueryNext = db.queryNext.bind(db);
  db.queryNext = (queryId) => {
    const rows = open.get(queryId);
    if (rows === undefined) return originalQueryNext(queryId);
    const next = rows.next();
    if (next.done) {
      open.delete(queryId);
      return { value: null, done: true };
    }
    return { value: next.value, done: false };
  };

  db.paginate = (request) => {
    const plan = planRange(store, request.query.source);
    recordRead(plan?.table ?? null);
    if (plan === null) return originalPaginate(request);
    const resolved = describe(request.query);
    const fields = resolved.fieldPathsToSortBy.includes("_id") ? resolved.fieldPathsToSortBy : [...resolved.fieldPathsToSortBy, "_id"];
    if (request.cursor === END) return { page: [], isDone: true, continueCursor: END, splitCursor: null, pageStatus: null };
    const cursorKeys = request.cursor ? parseCursor(request.cursor) : null;
    const after = cursorKeys === null ? null : (doc: StoredDocument) => db._docIsAfterCursor(doc, cursorKeys, fields, resolved.order) > 0;
    return paginateRows(db, streamRange(store, plan, db._writes, after), request, resolved, fields);
  };

  // A transaction's queries die with it; nothing else would ever drop a half-read one.
  const original = db.commit.bind(db) as (commitTs: bigint | null) => void;
  db.commit = ((commitTs: bigint | null) => {
    original(commitTs);
    if (db._writes.length === 0) open.clear();
  }) as DatabaseFake["commit"];
  db.rollbackWrites = () => {
    originalRollback();
    if (db._writes.length === 0) open.clear();
  };
}

function* filtered(rows: Iterator<StoredDocument>, filterFn: (doc: StoredDocument) => boolean, limit: number | null) {
  let yielded = 0;
  if (limit !== null && limit <= 0) return;
  for (let next = rows.next(); !next.done; next = rows.next()) {
    if (!filterFn(next.value)) continue;
    yield next.value;
    yielded += 1;
    if (limit !== null && yielded >= limit) return;
  }
}

/** convex-test's `paginate` loop over streamed rows (the cursor skip is done by the stream). */
function paginateRows(db: QueryableDatabase, rows: Iterator<StoredDocument>, request: PageRequest, resolved: Resolved, fields: string[]): PageResult {
  const { endCursor, pageSize, maximumRowsRead, maximumBytesRead } = request;
  const hasEndBoundary = !!endCursor && endCursor !== END;
  const endKeys = hasEndBoundary ? parseCursor(endCursor) : null;
  const page: StoredDocument[] = [];
  let continueCursor = END;
  let pageStatus: string | null = null;
  let rowsRead = 0;
  let bytesRead = 0;
  const readCursors: string[] = [];
  let next = rows.next();
  while (!next.done) {
    const doc = next.value;
    next = rows.next();
    const isLastDoc = next.done === true;
    if (endKeys !== null) {
      const cmp = db._docIsAfterCursor(doc, endKeys, fields, resolved.order);
      if (cmp >= 0) {
        if (cmp === 0) {
          rowsRead += 1;
          bytesRead += documentSize(doc);
          readCursors.push(db._encodeCursor(doc, fields));
          if (resolved.filterFn(doc)) page.push(doc);
          continueCursor = db._encodeCursor(doc, fields);
        }
        break;
      }
    }
    rowsRead += 1;
    bytesRead += documentSize(doc);
    readCursors.push(db._encodeCursor(doc, fields));
    const hitLimit = (!!maximumRowsRead && rowsRead >= maximumRowsRead) || (!!maximumBytesRead && bytesRead >= maximumBytesRead);
    if (resolved.filterFn(doc)) page.push(doc);
    if (hitLimit) {
      pageStatus = "SplitRequired";
      continueCursor = db._encodeCursor(doc, fields);
      break;
    }
    if (!endCursor && page.length >= pageSize) {
      if (!isLastDoc) continueCursor = db._encodeCursor(doc, fields);
      break;
    }
  }
  let splitCursor: string | null = null;
  const middle = readCursors[Math.floor((readCursors.length - 1) / 2)] ?? null;
  if (pageStatus === "SplitRequired" && readCursors.length >= 2) splitCursor = middle;
  else if (pageStatus === null && rowsRead > pageSize + 1 && readCursors.length >= 2) {
    pageStatus = "SplitRecommended";
    splitCursor = middle;
  }
  return { page, isDone: continueCursor === END, continueCursor, splitCursor, pageStatus };
}

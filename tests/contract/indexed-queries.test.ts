import { convexToJson, type Value } from "convex/values";
import { beforeAll, describe, expect, it } from "vitest";
import { Backend } from "../../tools/convex-engine/backend";
import type { QueryableDatabase } from "../../tools/convex-engine/indexed-queries";
import { discoverModules } from "../../tools/convex-engine/modules";
import { APP_CONVEX_DIR } from "./harness";
import { randomDoc, randomQuery, seeded, type Doc, type Random, type SerializedQuery } from "./random-queries";

/**
 * Property: the engine's indexed store answers every query exactly as convex-test's own
 * whole-database evaluation does (same rows, same order, same cursors and page statuses), for
 * every index of convex/schema.ts, both orders, paginated, with and without the transaction's own
 * pending writes. Data is random per index field (mixed types, ties, missing fields).
 */

const SEED = Number(process.env.PROPERTY_SEED ?? 20_241);
const DOCS_PER_TABLE = 50;
const QUERIES_PER_INDEX = 20;

type Schema = Map<string, { indexes: { indexDescriptor: string; fields: string[] }[] }>;
type PageRequest = Parameters<QueryableDatabase["paginate"]>[0];

let backend: Backend;
let db: QueryableDatabase;
let schema: Schema;

/** convex-test's DatabaseFake methods, unpatched, over the same data. */
function plainView(): QueryableDatabase {
  const plain = Object.create(Object.getPrototypeOf(db) as object) as QueryableDatabase & Record<string, unknown>;
  const source = db as unknown as Record<string, unknown>;
  for (const field of ["_documents", "_storage", "_writes", "_schema", "_componentPath"]) plain[field] = source[field];
  plain._queryResults = {};
  plain._nextQueryId = 1;
  return plain;
}

const json = (value: unknown) => convexToJson(value as Value);

function collect(database: QueryableDatabase, query: SerializedQuery): unknown {
  const id = database.startQuery(query as never);
  const rows: unknown[] = [];
  for (let next = database.queryNext(id); !next.done; next = database.queryNext(id)) rows.push(next.value);
  return json(rows);
}

/** Every page from the start, then the first page re-run with its end cursor (as journals do). */
function pages(database: QueryableDatabase, query: SerializedQuery, pageSize: number, maximumRowsRead?: number): unknown[] {
  const results: unknown[] = [];
  let cursor: string | null = null;
  let firstEnd: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const request: PageRequest = { query: query as never, cursor, pageSize, ...(maximumRowsRead ? { maximumRowsRead } : {}) };
    const page = database.paginate(request);
    results.push(json(page));
    firstEnd ??= page.continueCursor;
    if (page.isDone) break;
    cursor = page.continueCursor;
  }
  results.push(json(database.paginate({ query: query as never, cursor: null, endCursor: firstEnd, pageSize })));
  return results;
}

function indexesOf(table: string): [string, string[]][] {
  const declared = schema.get(table)!.indexes.map((index): [string, string[]] => [index.indexDescriptor, [...index.fields, "_creationTime", "_id"]]);
  return [["*", ["_creationTime", "_id"]], ["by_creation_time", ["_creationTime", "_id"]], ["by_id", ["_id"]], ...declared];
}

function fieldsOf(table: string): string[] {
  return [...new Set(schema.get(table)!.indexes.flatMap((index) => index.fields))];
}

function compareEverything(random: Random, table: string, docs: Doc[]): number {
  let compared = 0;
  for (const [index, fields] of indexesOf(table)) {
    for (let i = 0; i < QUERIES_PER_INDEX; i++) {
      const query = randomQuery(random, table, index, fields, random.pick(docs));
      const label = `${table}.${index} ${JSON.stringify(query)}`;
      expect(collect(db, query), label).toEqual(collect(plainView(), query));
      const pageSize = 1 + random.int(7);
      const maxRows = random.chance(0.2) ? 1 + random.int(4) : undefined;
      expect(pages(db, query, pageSize, maxRows), label).toEqual(pages(plainView(), query, pageSize, maxRows));
      compared += 1;
    }
  }
  return compared;
}

beforeAll(async () => {
  backend = await Backend.create(discoverModules(APP_CONVEX_DIR), () => {});
  db = backend.internals.db as unknown as QueryableDatabase;
  schema = (db as unknown as { _schema: { tables: Schema } })._schema.tables;
  const random = seeded(SEED);
  let counter = 10_000;
  const creationTimes = new Set<number>();
  for (const table of schema.keys()) {
    for (let i = 0; i < DOCS_PER_TABLE; i++) {
      const doc = randomDoc(random, `${counter++}${table}`, fieldsOf(table), creationTimes);
      db._documents[doc._id] = doc;
    }
  }
  backend.store.rebuild();
});

describe("indexed store (property, seed " + SEED + ")", () => {
  it("answers committed data exactly as convex-test does, for every schema index, both orders, paginated", () => {
    const random = seeded(SEED + 1);
    let compared = 0;
    for (const table of schema.keys()) {
      const docs = [...backend.store.table(table).values()] as Doc[];
      compared += compareEverything(random, table, docs);
    }
    expect(compared).toBeGreaterThan(schema.size * 3 * QUERIES_PER_INDEX);
  });

  it("keeps answering the same after commits change indexed fields", async () => {
    const random = seeded(SEED + 2);
    const table = "sessions";
    const ids = [...backend.store.table(table).keys()];
    // Commits through convex-test's own commit path, bypassing schema validation with raw writes.
    await backend.t.run(async () => {
      const level = db._writes.at(-1)!;
      for (const id of ids.slice(0, 20)) level[id] = random.chance(0.3) ? null : { ...(db._documents[id] as Doc), orgId: random.pick(["a", "b", 7]) as Value };
    });
    backend.store.sync(ids.slice(0, 20));
    compareEverything(random, table, [...backend.store.table(table).values()] as Doc[]);
  });

  it("shows a transaction its own pending inserts, updates and deletes in order", async () => {
    const random = seeded(SEED + 3);
    const table = "messages";
    const creationTimes = new Set<number>();
    await expect(
      backend.t.run(async () => {
        const level = db._writes.at(-1)!;
        const ids = [...backend.store.table(table).keys()];
        for (const id of ids.slice(0, 10)) level[id] = random.chance(0.5) ? null : randomDoc(random, id, fieldsOf(table), creationTimes);
        for (let i = 0; i < 10; i++) level[`${90_000 + i}${table}`] = randomDoc(random, `${90_000 + i}${table}`, fieldsOf(table), creationTimes);
        const docs = Object.values(level).filter((doc): doc is Doc => doc !== null);
        compareEverything(random, table, docs);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
  });
});

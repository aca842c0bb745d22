/**
 * Random documents and index queries for the indexed-store property test, in the wire shape
 * convex/server sends to the database (PIN convex 1.48.0: `{ source, operators }` with
 * `IndexRange` expressions `{ type, fieldPath, value }` and filter expressions `$eq/$field/$literal`).
 */
import { convexToJson, type JSONValue, type Value } from "convex/values";

import { type Random } from "../fixtures/random";
export { seeded, type Random } from "../fixtures/random";

/** Few distinct values of mixed types, so ranges have ties, missing fields and cross-type order. */
const VALUES: readonly (Value | undefined)[] = [undefined, null, false, true, 1, 2, 2.5, -3, 10n, "", "a", "b", "ab", "é", "😀", "\uffff", 0, [1], [1, "a"], { k: 1 }];
const COMMON: readonly (Value | undefined)[] = ["a", "b", 1, 2, undefined];

export function randomValue(random: Random): Value | undefined {
  return random.chance(0.7) ? random.pick(COMMON) : random.pick(VALUES);
}

export type Doc = Record<string, Value> & { _id: string; _creationTime: number };

/** A document of `table` with random values in `fields` (the table's indexed fields). */
export function randomDoc(random: Random, id: string, fields: string[], creationTimes: Set<number>): Doc {
  let creationTime = 1_700_000_000_000 + random.int(1_000_000);
  while (creationTimes.has(creationTime)) creationTime += 0.001;
  creationTimes.add(creationTime);
  const doc: Doc = { _id: id, _creationTime: creationTime };
  for (const field of fields) {
    const value = randomValue(random);
    if (value !== undefined) doc[field] = value;
  }
  return doc;
}

type Bound = { type: string; fieldPath: string; value: JSONValue };
export type SerializedQuery = { source: Record<string, unknown>; operators: unknown[] };

const wire = (value: Value | undefined): JSONValue => (value === undefined ? { $undefined: null } : convexToJson(value));

/** A valid index range: equalities on a prefix of `fields`, then maybe bounds on the next one. */
function randomRange(random: Random, fields: string[], sample: Doc | undefined): Bound[] {
  const equalities = random.int(fields.length + 1);
  const range: Bound[] = [];
  for (const field of fields.slice(0, equalities)) {
    // Mostly values that exist, so ranges are not all empty.
    const value = sample && random.chance(0.8) ? (sample[field] as Value | undefined) : randomValue(random);
    range.push({ type: "Eq", fieldPath: field, value: wire(value) });
  }
  const next = fields[equalities];
  if (next === undefined || next === "_id") return range;
  const bound = () => (next === "_creationTime" ? wire(1_700_000_000_000 + random.int(1_000_000)) : wire(randomValue(random)));
  if (random.chance(0.5)) range.push({ type: random.pick(["Gt", "Gte"]), fieldPath: next, value: bound() });
  if (random.chance(0.5)) range.push({ type: random.pick(["Lt", "Lte"]), fieldPath: next, value: bound() });
  return range;
}

export function randomQuery(random: Random, table: string, index: string, fields: string[], sample: Doc | undefined): SerializedQuery {
  const order = random.pick(["asc", "desc"] as const);
  const source =
    index === "*"
      ? { type: "FullTableScan", tableName: table, order }
      : { type: "IndexRange", indexName: `${table}.${index}`, range: randomRange(random, fields, sample), order };
  const operators: unknown[] = [];
  if (fields.length > 2 && random.chance(0.3)) {
    operators.push({ filter: { $neq: [{ $field: fields[0] }, { $literal: wire(randomValue(random)) }] } });
  }
  if (random.chance(0.3)) operators.push({ limit: 1 + random.int(5) });
  return { source, operators };
}

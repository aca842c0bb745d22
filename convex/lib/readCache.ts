import type { GenericId } from "convex/values";
import type { DatabaseWriter } from "../_generated/server";

/**
 * One read per document per mutation. The layers every mutation's `ctx.db` is built from (row-level
 * security, triggers) each read the document they guard or diff; underneath them, this layer hands
 * back a document already read (by `get` or by a query) or written in this transaction instead of
 * reading it again, so DESIGN's read budgets count what the code needs, not how it is layered.
 *
 * It is sound because every write of the transaction passes through it: it keeps its copies in
 * step with `patch`, `replace` and `delete`. Copies are cloned in and out, so a caller that mutates
 * a document it was handed cannot change what the next caller sees.
 */

type AnyDoc = { _id: string; _creationTime: number } & Record<string, unknown>;
type Cache = Map<string, AnyDoc | null>;

/**
 * A deep copy of a stored value (objects, arrays, primitives, and the ArrayBuffers Convex allows),
 * several times cheaper than structuredClone on the small documents this layer handles.
 */
function clone<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value instanceof ArrayBuffer) return value.slice(0) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = clone(field);
  return copy as T;
}

function remember(cache: Cache, value: unknown) {
  if (value !== null && typeof value === "object" && "_id" in value && "_creationTime" in value) {
    const doc = value as AnyDoc;
    cache.set(doc._id, clone(doc));
  }
}

function rememberAll(cache: Cache, result: unknown) {
  if (Array.isArray(result)) for (const doc of result) remember(cache, doc);
  else remember(cache, result);
}

const TERMINALS = new Set<PropertyKey>(["collect", "take", "first", "unique"]);

/** A query whose results (whatever method ends it) are remembered; every other step is passed through. */
function rememberingQuery(cache: Cache, query: object): object {
  return new Proxy(query, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === Symbol.asyncIterator) {
        return async function* () {
          for await (const doc of target as AsyncIterable<unknown>) {
            remember(cache, doc);
            yield doc;
          }
        };
      }
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (TERMINALS.has(property)) return (result as Promise<unknown>).then((found) => (rememberAll(cache, found), found));
        if (property === "paginate") {
          return (result as Promise<{ page: unknown[] }>).then((page) => (rememberAll(cache, page.page), page));
        }
        return result !== null && typeof result === "object" ? rememberingQuery(cache, result) : result;
      };
    },
  });
}

/** Convex's patch: a shallow merge in which an `undefined` value removes the field. */
function patched(doc: AnyDoc, value: Record<string, unknown>): AnyDoc {
  const next: AnyDoc = { ...doc };
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) delete next[key];
    else next[key] = clone(field);
  }
  return next;
}

type Args = [string, string, unknown?] | [string, unknown?];

/** Both call forms, `(table, id, …)` and `(id, …)`; the table name is only passed through. */
function idOf(args: unknown[], withValue: boolean): string {
  const explicitTable = withValue ? args.length === 3 : args.length === 2;
  return String(explicitTable ? args[1] : args[0]);
}

export function withReadCache(db: DatabaseWriter): DatabaseWriter {
  const cache: Cache = new Map();
  const call = (method: keyof DatabaseWriter, args: unknown[]) =>
    (db[method] as (...callArgs: unknown[]) => Promise<unknown>).apply(db, args);
  const get = async (...args: Args) => {
    const id = idOf(args, false);
    if (cache.has(id)) return clone(cache.get(id)!);
    const doc = await call("get", args);
    cache.set(id, doc === null ? null : clone(doc as AnyDoc));
    return doc;
  };
  const patch = async (...args: unknown[]) => {
    await call("patch", args);
    const id = idOf(args, true);
    const cached = cache.get(id);
    if (cached) cache.set(id, patched(cached, args.at(-1) as Record<string, unknown>));
  };
  const replace = async (...args: unknown[]) => {
    await call("replace", args);
    const id = idOf(args, true);
    const cached = cache.get(id);
    if (cached) cache.set(id, { ...clone(args.at(-1) as Record<string, unknown>), _id: cached._id, _creationTime: cached._creationTime });
  };
  const remove = async (...args: unknown[]) => {
    await call("delete", args);
    cache.set(idOf(args, false), null);
  };
  const wrapped = {
    get,
    patch,
    replace,
    delete: remove,
    insert: (table: string, value: unknown) => call("insert", [table, value]) as Promise<GenericId<string>>,
    query: (table: string) => rememberingQuery(cache, db.query(table as never)),
    normalizeId: db.normalizeId.bind(db),
    system: db.system,
  };
  return wrapped as unknown as DatabaseWriter;
}

import type { GenericDatabaseReader } from "convex/server";
import type { DataModel } from "../../convex/_generated/dataModel";

type Reader = GenericDatabaseReader<DataModel>;

/**
 * A `ctx.db` that counts the documents it hands out: `get`, and every document a query yields
 * (`collect`, `take`, `first`, `unique`, `paginate`, iteration). For `npm run bench` only.
 */
export function countingDb(db: Reader): { db: Reader; read: () => number } {
  let documents = 0;
  const count = <T>(value: T): T => {
    if (Array.isArray(value)) documents += value.length;
    else if (value !== null && value !== undefined) documents += 1;
    return value;
  };
  const wrapQuery = (query: object): object =>
    new Proxy(query, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        if (property === Symbol.asyncIterator) {
          return async function* () {
            for await (const doc of target as AsyncIterable<unknown>) yield count(doc);
          };
        }
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          if (property === "collect" || property === "take" || property === "first" || property === "unique") {
            return (result as Promise<unknown>).then(count);
          }
          if (property === "paginate") {
            return (result as Promise<{ page: unknown[] }>).then((page) => (count(page.page), page));
          }
          return result !== null && typeof result === "object" ? wrapQuery(result) : result;
        };
      },
    });
  const wrapped = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "get") return (...args: Parameters<Reader["get"]>) => (target.get as (...a: unknown[]) => Promise<unknown>)(...args).then(count);
      if (property === "query") return (table: Parameters<Reader["query"]>[0]) => wrapQuery(target.query(table));
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as Reader;
  return { db: wrapped, read: () => documents };
}

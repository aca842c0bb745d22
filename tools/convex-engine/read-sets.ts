/**
 * Which tables a query read, so a subscription is re-run only after a commit that wrote one of
 * them. The database hooks (indexed-queries.ts) report every read of the function running in a
 * `trackReads` scope; a read they cannot attribute to a table makes the set "everything".
 */
import { currentScope, runInScope } from "./scope";

export type ReadSet = { tables: Set<string>; everything: boolean };

export function newReadSet(): ReadSet {
  return { tables: new Set(), everything: false };
}

export function trackReads<T>(readSet: ReadSet, run: () => Promise<T>): Promise<T> {
  return runInScope({ readSet }, run);
}

export function recordRead(table: string | null): void {
  const readSet = currentScope()?.readSet;
  if (readSet === undefined) return;
  if (table === null) readSet.everything = true;
  else readSet.tables.add(table);
}

/** Whether a commit that wrote `written` may change a result that read `readSet`. */
export function touches(readSet: ReadSet, written: ReadonlySet<string>): boolean {
  if (readSet.everything) return true;
  for (const table of written) if (readSet.tables.has(table)) return true;
  return false;
}

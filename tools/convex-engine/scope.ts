/**
 * The engine's one AsyncLocalStorage: what the code running now is part of (a subscription run's
 * read set and journal, a sync mutation's answer record). Node 20 copies every enabled
 * AsyncLocalStorage's store onto every promise created, so the engine keeps one, not one per use.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { JournalSlot } from "./journal";
import type { ReadSet } from "./read-sets";

export type EngineScope = {
  /** Tables read by the running subscription query (read-sets.ts). */
  readSet?: ReadSet;
  /** The running subscription's query journal (journal.ts). */
  journal?: JournalSlot;
  /** The sync mutation whose first commit waits for its answer (persistence.ts). */
  answer?: { open: boolean; record: unknown };
};

const storage = new AsyncLocalStorage<EngineScope>();

/** Runs `run` with `patch` added to the current scope. */
export function runInScope<T>(patch: EngineScope, run: () => T): T {
  const current = storage.getStore();
  return storage.run(current === undefined ? patch : { ...current, ...patch }, run);
}

export function currentScope(): EngineScope | undefined {
  return storage.getStore();
}

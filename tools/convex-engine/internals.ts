/**
 * The engine's only window into convex-test's private state. convex-test keeps its database,
 * transaction manager and scheduler in a closure (`convexGlobal`), so they are captured once, at
 * construction, from the AsyncLocalStorage store convex-test enters on every call.
 *
 * PIN convex-test 0.0.60 (node_modules/convex-test/dist/index.js): `convexTest()` builds
 * `convexGlobal = { components: { "": { db: DatabaseFake } }, transactionManager, scheduler, ... }`
 * and every accessor method runs inside `convexGlobalStorage.run(convexGlobal, ...)`. The field
 * names below (`_documents`, `_storage`, `_nextDocId`, `_lastCreationTime`, `_lastCommitTs`,
 * `commit(isNested)`) are read from that file; `assertShape` fails loudly if they ever move.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type StoredDocument = Record<string, unknown> & { _id: string; _creationTime: number };

/** convex-test's in-memory database (one per component; the app is the root component ""). */
export type DatabaseFake = {
  _documents: Record<string, StoredDocument>;
  _storage: Record<string, Blob>;
  _nextDocId: number;
  _lastCreationTime: number;
  /** Pending writes, one level per (nested) transaction; the top level is applied on commit. */
  _writes: Record<string, StoredDocument | null>[];
  commit(commitTs: bigint | null): void;
  storeFile(storageId: string, blob: Blob): void;
};

/** Serializes every top-level query and mutation; `commit` returns the ts of a top-level commit. */
export type TransactionManagerFake = {
  _lastCommitTs: bigint;
  commit(isNested: boolean): bigint | null;
  begin(isNested: boolean, transactionLimits?: unknown): Promise<void>;
  _endTransaction(isNested: boolean): void;
};

export type ConvexTestInternals = {
  db: DatabaseFake;
  transactionManager: TransactionManagerFake;
};

type ConvexGlobalFake = {
  components: Record<string, { db: DatabaseFake }>;
  transactionManager: TransactionManagerFake;
  scheduler: unknown;
};

function looksLikeConvexGlobal(store: unknown): store is ConvexGlobalFake {
  return typeof store === "object" && store !== null && "components" in store && "transactionManager" in store;
}

function assertShape(global: ConvexGlobalFake): ConvexTestInternals {
  const db = global.components[""]?.db;
  const tm = global.transactionManager;
  const ok =
    db !== undefined &&
    typeof db._documents === "object" &&
    typeof db._storage === "object" &&
    typeof db._nextDocId === "number" &&
    typeof db._lastCreationTime === "number" &&
    Array.isArray(db._writes) &&
    typeof db.commit === "function" &&
    typeof db.storeFile === "function" &&
    typeof tm._lastCommitTs === "bigint" &&
    typeof tm.commit === "function" &&
    typeof tm.begin === "function" &&
    typeof tm._endTransaction === "function";
  if (!ok) {
    throw new Error("convex engine: convex-test's internals are not shaped as in 0.0.60; the engine needs updating.");
  }
  return { db, transactionManager: tm };
}

/**
 * Captures `convexGlobal` by watching `AsyncLocalStorage.prototype.run` during one synchronous
 * call into the accessor (`finishInProgressScheduledFunctions` is cheap and side-effect free).
 */
export async function captureInternals(t: { finishInProgressScheduledFunctions(): Promise<void> }): Promise<ConvexTestInternals> {
  const prototype = AsyncLocalStorage.prototype as unknown as { run: (...args: unknown[]) => unknown };
  const originalRun = prototype.run;
  let captured: ConvexGlobalFake | null = null;
  prototype.run = function (this: unknown, store: unknown, ...rest: unknown[]) {
    if (looksLikeConvexGlobal(store)) captured = store;
    return originalRun.call(this, store, ...rest);
  };
  let settled: Promise<void>;
  try {
    settled = t.finishInProgressScheduledFunctions();
  } finally {
    prototype.run = originalRun;
  }
  await settled;
  if (captured === null) throw new Error("convex engine: could not capture convex-test's state (convex-test changed?).");
  return assertShape(captured);
}

/** A top-level commit: its timestamp and the ids it wrote (their new values are in `_documents`). */
export type Commit = { ts: bigint; ids: string[] };

/**
 * Calls `listener` right after every top-level commit is applied: mutations, an action's or http
 * action's `runMutation`, scheduled functions, storage writes. It runs synchronously inside the
 * committing function's async context (the write-ahead log relies on that to tell which client
 * request a commit answers), before convex-test releases its transaction lock.
 *
 * PIN convex-test 0.0.60: `TransactionManager.commit(false)` assigns the commit ts, then calls
 * `db.commit(ts)`, which pops the last `_writes` level and applies it when it was the only one.
 */
export function onTopLevelCommit(internals: ConvexTestInternals, listener: (commit: Commit) => void): void {
  const db = internals.db;
  const commit = db.commit.bind(db);
  db.commit = (commitTs: bigint | null) => {
    const topLevel = commitTs !== null && db._writes.length === 1;
    const ids = topLevel ? Object.keys(db._writes[0]!) : [];
    commit(commitTs);
    if (commitTs !== null && topLevel) listener({ ts: commitTs, ids });
  };
}

/**
 * convex-test's transaction lock is a condition variable: every top-level transaction's end wakes
 * every waiter, one wins and the rest wait again, so with n requests queued each transaction costs
 * n wake-ups. This puts a FIFO queue in front of it: a top-level `begin` waits its turn here, so it
 * finds the lock free, and each end wakes only the next one, in arrival order (the order
 * convex-test's own waiters win in).
 *
 * PIN convex-test 0.0.60: `TransactionManager.begin(isNested, limits)` takes the lock only when
 * `!isNested`, and `_endTransaction(isNested)` (called by `commit` and `rollback`) releases it only
 * when `!isNested`.
 */
export function queueTransactionLock(internals: ConvexTestInternals): void {
  const tm = internals.transactionManager;
  const begin = tm.begin.bind(tm);
  const end = tm._endTransaction.bind(tm);
  const waiting: (() => void)[] = [];
  let held = false;
  tm.begin = async (isNested, transactionLimits) => {
    if (!isNested) {
      if (held) await new Promise<void>((resolve) => waiting.push(resolve));
      held = true;
    }
    return begin(isNested, transactionLimits);
  };
  tm._endTransaction = (isNested) => {
    end(isNested);
    if (isNested) return;
    // The turn passes straight to the next waiter, so a newcomer cannot overtake it.
    const next = waiting.shift();
    if (next) next();
    else held = false;
  };
}

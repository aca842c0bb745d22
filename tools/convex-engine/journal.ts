/**
 * Query journals, as the real backend keeps them for paginated subscriptions: the first run of a
 * `.paginate()` without `endCursor` records where its page ended, and every re-run of that
 * subscription reuses it as `endCursor`, so the page grows or shrinks in place instead of shifting
 * items past the next page's cursor (which would skip or repeat them).
 *
 * Implemented by wrapping the `Convex` syscall global that convex/server calls for every database
 * operation. PIN convex-test 0.0.60: it installs `globalThis.Convex = { get syscall, get
 * asyncSyscall, get jsSyscall }` once per process, and answers `1.0/queryPage` with
 * `{ page, isDone, continueCursor, splitCursor, pageStatus }` (it honours `endCursor`).
 */
import { fileStorageSyscall, fileStoreJsSyscall } from "./file-storage";
import { currentScope, runInScope } from "./scope";

/** One subscription's journal; `used` limits it to the first `.paginate()` of a run. */
export type JournalSlot = { endCursor: string | null; used: boolean };

type AsyncSyscall = (op: string, jsonArgs: string) => Promise<string>;
type JsSyscall = (op: string, args: Record<string, unknown>) => Promise<unknown>;
type SyscallGlobal = { syscall: unknown; asyncSyscall: AsyncSyscall; jsSyscall: JsSyscall };

const END_OF_RANGE = "_end_cursor";
/** Our wrappers; anything else found on the global (a fresh convex-test instance's) gets wrapped. */
const wrappers = new WeakSet<object>();

async function journaledQueryPage(inner: AsyncSyscall, jsonArgs: string): Promise<string> {
  const slot = currentScope()?.journal;
  if (slot === undefined || slot.used) return inner("1.0/queryPage", jsonArgs);
  slot.used = true;
  const request = JSON.parse(jsonArgs) as { endCursor?: string | null };
  if (!request.endCursor && slot.endCursor) request.endCursor = slot.endCursor;
  const response = JSON.parse(await inner("1.0/queryPage", JSON.stringify(request))) as {
    continueCursor: string;
    isDone: boolean;
  };
  // A bounded page ends at its end cursor even when the document there was deleted; convex-test
  // would answer "_end_cursor" (done), hiding every later page.
  if (request.endCursor && request.endCursor !== END_OF_RANGE) {
    response.continueCursor = request.endCursor;
    response.isDone = false;
  }
  slot.endCursor = response.continueCursor;
  return JSON.stringify(response);
}

/** Must run after the first `convexTest()` call, which creates the global being wrapped. */
export function installJournalSyscalls(): void {
  const holder = globalThis as unknown as { Convex?: SyscallGlobal };
  const original = holder.Convex;
  if (original === undefined) throw new Error("convex engine: convex-test has not installed its syscall global yet.");
  if (wrappers.has(original)) return;
  const wrapper: SyscallGlobal = {
    get syscall() {
      return original.syscall;
    },
    get jsSyscall(): JsSyscall {
      const inner = original.jsSyscall;
      return (op, args) => fileStoreJsSyscall(inner, op, args);
    },
    get asyncSyscall(): AsyncSyscall {
      const inner = original.asyncSyscall;
      return (op, jsonArgs) => {
        if (op === "1.0/queryPage") return journaledQueryPage(inner, jsonArgs);
        // File storage URLs the engine serves (file-storage.ts).
        if (op.startsWith("1.0/storage")) return fileStorageSyscall(inner, op, jsonArgs);
        return inner(op, jsonArgs);
      };
    },
  };
  wrappers.add(wrapper);
  holder.Convex = wrapper;
}

export function runWithJournal<T>(slot: JournalSlot, run: () => Promise<T>): Promise<T> {
  return runInScope({ journal: slot }, run);
}

/** The opaque journal string sent to (and echoed back by) the client. */
export function encodeJournal(endCursor: string | null): string | null {
  return endCursor === null ? null : JSON.stringify({ endCursor });
}

export function decodeJournal(journal: string | null | undefined): string | null {
  if (!journal) return null;
  try {
    const parsed = JSON.parse(journal) as { endCursor?: unknown };
    return typeof parsed.endCursor === "string" ? parsed.endCursor : null;
  } catch {
    return null;
  }
}

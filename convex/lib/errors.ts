import { ConvexError } from "convex/values";
import type { AppErrorData, ErrorCode } from "../../lib/errors";

// The codes, their statuses and the error shape live in lib/errors.ts (shared with the app); the
// types are re-exported so functions that only throw need this one import.
export type { AppErrorData, ErrorCode };

/** Throws the only kind of error SpinDesk functions throw. The message must be safe to show a user. */
export function fail(code: ErrorCode, message: string): never {
  throw new ConvexError<AppErrorData>({ code, message });
}

import { ConvexError } from "convex/values";

/**
 * The closed set of error codes every SpinDesk function and endpoint may answer with, and what an
 * answer carries. Pure: Convex throws them (convex/lib/errors.ts), the Next.js routes and the UI
 * read them, so a code means the same thing and maps to the same status everywhere.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "ORG_REQUIRED",
  "ORG_MISMATCH",
  "ORG_NOT_FOUND",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_ARGUMENT",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The payload of every `ConvexError` SpinDesk throws; the message is safe to show a user. */
export type AppErrorData = { code: ErrorCode; message: string };

/** HTTP status each code maps to when an endpoint answers with it. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  ORG_REQUIRED: 403,
  ORG_MISMATCH: 403,
  ORG_NOT_FOUND: 404,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** Whether a `ConvexError`'s `data` has the app error shape (a known code; the message may be missing). */
export function isAppErrorData(data: unknown): data is { code: ErrorCode; message?: string } {
  return typeof data === "object" && data !== null && isErrorCode((data as { code?: unknown }).code);
}

/** Reads `{ code, message }` out of anything thrown; unknown errors become INTERNAL_ERROR. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof ConvexError && isAppErrorData(error.data)) {
    const { code, message } = error.data;
    return { code, message: message ?? code };
  }
  return { code: "INTERNAL_ERROR", message: "Something went wrong." };
}

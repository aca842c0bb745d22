import { ConvexError } from "convex/values";

/** The closed set of error codes every SpinDesk function and endpoint may answer with. */
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

/** Throws the only kind of error SpinDesk functions throw. The message must be safe to show a user. */
export function fail(code: ErrorCode, message: string): never {
  throw new ConvexError<AppErrorData>({ code, message });
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** Reads `{ code, message }` out of anything thrown; unknown errors become INTERNAL_ERROR. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof ConvexError && typeof error.data === "object" && error.data !== null) {
    const { code, message } = error.data as Partial<AppErrorData>;
    if (isErrorCode(code)) return { code, message: message ?? code };
  }
  return { code: "INTERNAL_ERROR", message: "Something went wrong." };
}

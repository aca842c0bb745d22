import type { ErrorCode } from "../../errors";

/** A refusal of the local issuer, answered as `{ success: false, code, message }` with the code's status. */
export class LocalAuthError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "LocalAuthError";
    this.code = code;
  }
}

import { env } from "../_generated/server";
import { HTTP_STATUS, type ErrorCode } from "../../lib/errors";

/** Webhook bodies above this are refused before parsing (413). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const JSON_HEADERS = { "content-type": "application/json" };

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/** `{ success: false, code, message }`; `details` leave the server only in development. */
export function errorResponse(code: ErrorCode, message: string, options: { status?: number; details?: unknown } = {}) {
  const body: Record<string, unknown> = { success: false, code, message };
  if (options.details !== undefined && env.NODE_ENV === "development") body.details = options.details;
  return jsonResponse(body, options.status ?? HTTP_STATUS[code]);
}

export const payloadTooLarge = () =>
  errorResponse("INVALID_ARGUMENT", "The request body is too large.", { status: 413 });

/** Reads the raw body, refusing it (null) as soon as it passes `maxBytes`, declared or not. */
export async function readBodyWithin(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<string | null> {
  return (await readRawBodyWithin(request, maxBytes))?.text ?? null;
}

/** The body's bytes (what signatures are checked over) and its text (what is parsed); null when too large. */
export async function readRawBodyWithin(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<{ bytes: Uint8Array; text: string } | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) return null;
  return { bytes, text: new TextDecoder().decode(bytes) };
}

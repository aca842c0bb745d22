import { NextResponse } from "next/server";
import type { z } from "zod";
import { LocalAuthError } from "@/lib/auth/local/errors";
import type { SessionCookieWrite } from "@/lib/auth/local/session";
import { configuredAuthProvider } from "@/lib/auth/setup";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";

const NO_STORE = { "cache-control": "no-store" };

export function ok(data: unknown, status = 200): NextResponse {
  return NextResponse.json({ success: true, data }, { status, headers: NO_STORE });
}

export function refuse(code: ErrorCode, message: string): NextResponse {
  return NextResponse.json({ success: false, code, message }, { status: HTTP_STATUS[code], headers: NO_STORE });
}

export function withCookie(response: NextResponse, cookie: SessionCookieWrite): NextResponse {
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** The JSON body, validated; a form post from another site is refused before it is read. */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new LocalAuthError("FORBIDDEN", "Cross-site requests are not accepted.");
  }
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    throw new LocalAuthError("INVALID_ARGUMENT", "Send a JSON body.");
  }
  const parsed = schema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) throw new LocalAuthError("INVALID_ARGUMENT", "The request body is not valid.");
  return parsed.data;
}

/**
 * Runs a local-auth endpoint: it does not exist unless `AUTH_PROVIDER=local`, and refusals thrown
 * as `LocalAuthError` become `{ success: false, code, message }` with the code's status.
 */
export async function localEndpoint(handler: () => Promise<Response>): Promise<Response> {
  if (configuredAuthProvider() !== "local") return refuse("NOT_FOUND", "Not found.");
  try {
    return await handler();
  } catch (error) {
    if (error instanceof LocalAuthError) return refuse(error.code, error.message);
    throw error;
  }
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

const BODY_LIMIT = 1024 * 1024;
/** Routes that carry a file as base64 (sendMedia, a customer's photo): the file cap plus base64's third. */
export const MEDIA_BODY_LIMIT = 24 * 1024 * 1024;

/**
 * An error the router turns into a response. `detail` becomes Evolution's `response.message` as given
 * (Evolution sends an array, except a bare "Unauthorized"); `evolution: false` answers `{ error }` instead.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | string[],
    readonly evolution = true,
  ) {
    super(Array.isArray(detail) ? detail.join("; ") : detail);
  }
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  500: "Internal Server Error",
};

/** Evolution v2's error body: `{ status, error, response: { message: [...] } }`. */
function evolutionError(status: number, detail: string | string[]): object {
  return { status, error: REASONS[status] ?? "Error", response: { message: detail } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

export function sendHtml(res: ServerResponse, html: string, status = 200): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body = error.evolution ? evolutionError(error.status, error.detail) : { error: error.message };
  sendJson(res, error.status, body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, [`request body is larger than ${Math.round(limit / 1024 / 1024)} MiB`]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "body";
    return `${path}: ${issue.message}`;
  });
}

/** Reads and validates a JSON body; an empty body counts as `{}` so "all fields optional" routes accept none. */
export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>, evolution = true, limit = BODY_LIMIT): Promise<T> {
  const text = await readBody(req, limit);
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError(400, ["request body is not valid JSON"], evolution);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error), evolution);
  return parsed.data;
}

/** Matches `/a/:x/b` style patterns; returns decoded params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      if (got[i] === "") return null;
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  url: URL;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: string;
  handle: (ctx: Context) => Promise<void> | void;
}

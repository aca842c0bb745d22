/**
 * The HTTP side of port 3210, as ConvexHttpClient and the dev runner use it: function calls, a
 * health check, CORS for browsers. PIN convex 1.48.0: request and answer shapes and the 560 status
 * are those of its browser/http_client.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AuthFailure, type TokenVerifier } from "./auth";
import { handleFileStorage } from "./file-storage";
import type { Backend } from "./backend";
import type { Identity } from "./identity";
import { PINNED_VERSIONS } from "./pins";
import { encodeTs, type FunctionKind } from "./wire";

export type ApiDeps = { backend: Backend; verifier: TokenVerifier; log: (line: string) => void };

/** ConvexHttpClient accepts 200 and this status, then reads `status` from the body. */
const STATUS_FUNCTION_FAILED = 560;

const CALL_ROUTES: Record<string, FunctionKind | "any"> = {
  "/api/query": "query",
  "/api/query_at_ts": "query",
  "/api/mutation": "mutation",
  "/api/action": "action",
  "/api/function": "any",
};

type CallBody = { path?: unknown; args?: unknown };

/** The whole request body (events rather than an async iterator: one promise per request, not per chunk). */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": request.headers.origin ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "Content-Type, Authorization, Convex-Client",
    "access-control-max-age": "86400",
    vary: "Origin",
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, cors: Record<string, string>): void {
  response.writeHead(status, { ...cors, "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** A Bearer user token, verified like the WebSocket's Authenticate; no header = anonymous. */
async function identityFrom(request: IncomingMessage, verifier: TokenVerifier): Promise<Identity | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  if (!header.startsWith("Bearer ")) {
    throw new AuthFailure("Only `Bearer <user token>` authorization is supported by the offline engine (no admin keys).");
  }
  return (await verifier.verify(header.slice("Bearer ".length).trim())).identity;
}

async function callFunction(request: IncomingMessage, response: ServerResponse, kind: FunctionKind | "any", deps: ApiDeps) {
  const cors = corsHeaders(request);
  let body: CallBody;
  try {
    body = JSON.parse((await readBody(request)).toString("utf8")) as CallBody;
  } catch {
    return sendJson(response, 400, { code: "BadJsonBody", message: "The request body is not JSON." }, cors);
  }
  if (typeof body.path !== "string") return sendJson(response, 400, { code: "BadRequest", message: "`path` is missing." }, cors);
  let identity: Identity | null;
  try {
    identity = await identityFrom(request, deps.verifier);
  } catch (error) {
    if (!(error instanceof AuthFailure)) throw error;
    return sendJson(response, 401, { code: "Unauthenticated", message: error.message }, cors);
  }
  // Clients send `args` as `[argsObject]`; `/api/function` and other callers send the object.
  const args = Array.isArray(body.args) ? body.args[0] : body.args;
  const outcome = await deps.backend.call({ kind, udfPath: body.path, args, identity });
  // Whatever the call committed is on disk before the client hears about it.
  await deps.backend.durable();
  if (outcome.ok) return sendJson(response, 200, { status: "success", value: outcome.value, logLines: outcome.logLines }, cors);
  const failed = { status: "error", errorMessage: outcome.errorMessage, logLines: outcome.logLines };
  sendJson(response, STATUS_FUNCTION_FAILED, outcome.errorData === undefined ? failed : { ...failed, errorData: outcome.errorData }, cors);
}

export function createApiHandler(deps: ApiDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = (request.url ?? "/").split("?")[0].replace(/\/{2,}/g, "/");
    const cors = corsHeaders(request);
    try {
      if (request.method === "OPTIONS") {
        response.writeHead(204, cors);
        return void response.end();
      }
      if (request.method === "GET" && (pathname === "/" || pathname === "/version")) {
        response.writeHead(200, { ...cors, "content-type": "text/plain" });
        return void response.end(`SpinDesk offline Convex engine (convex ${PINNED_VERSIONS.convex})\n`);
      }
      if (request.method === "POST" && pathname === "/api/query_ts") {
        return sendJson(response, 200, { ts: encodeTs(deps.backend.ts()) }, cors);
      }
      const json = (status: number, body: unknown) => sendJson(response, status, body, cors);
      if (pathname.startsWith("/api/storage/") && (await handleFileStorage(request, response, deps.backend, json))) return;
      const kind = CALL_ROUTES[pathname];
      if (request.method === "POST" && kind !== undefined) return await callFunction(request, response, kind, deps);
      sendJson(response, 404, { code: "NotFound", message: `${request.method} ${pathname} is not served by the offline engine.` }, cors);
    } catch (error) {
      deps.log(`HTTP ${request.method} ${pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { code: "InternalServerError", message: "The offline engine failed." }, cors);
      else response.end();
    }
  };
}

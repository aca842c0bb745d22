/**
 * Port 3211: the http actions of convex/http.ts, like `<deployment>.convex.site`. Method, path with
 * query, headers and the raw body go in untouched (the app enforces its own limits); status,
 * headers and body come back untouched, so webhooks can be POSTed with curl.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenVerifier } from "./auth";
import type { Backend } from "./backend";
import type { Identity } from "./identity";
import { readBody } from "./http-api";
import { Limiter } from "./limiter";

/** Concurrent http actions; more wait their turn (Convex also caps concurrent executions). */
const CONCURRENT_HTTP_ACTIONS = 16;

export type SiteDeps = { backend: Backend; verifier: TokenVerifier; log: (line: string) => void };

/** Per-hop headers of this connection; the Request computes its own length. */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "content-length", "host"]);

/** Name/value pairs as received (repeated headers stay repeated); the Request builds its Headers from them. */
function requestHeaders(request: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_HEADERS.has(name)) pairs.push([name, raw[i + 1]!]);
  }
  return pairs;
}

/**
 * `ctx.auth` sees a valid Bearer user token. Webhook senders also use Bearer for API keys, so
 * a token that does not verify means an anonymous call rather than a refused one.
 */
async function identityFrom(request: IncomingMessage, deps: SiteDeps): Promise<Identity | null> {
  const header = request.headers.authorization;
  if (!header?.startsWith("Bearer ")) return null;
  try {
    return (await deps.verifier.verify(header.slice("Bearer ".length).trim())).identity;
  } catch {
    return null;
  }
}

async function writeResponse(response: ServerResponse, answer: Response): Promise<void> {
  const cookies = answer.headers.getSetCookie();
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, headers);
  response.end(body);
}

export function createSiteHandler(deps: SiteDeps) {
  const slots = new Limiter(CONCURRENT_HTTP_ACTIONS);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? "GET";
    const target = request.url ?? "/";
    try {
      // A Buffer is a Uint8Array over an ArrayBuffer: the Request copies it once, as it would any body.
      const body = method === "GET" || method === "HEAD" ? undefined : ((await readBody(request)) as Uint8Array<ArrayBuffer>);
      const accessor = deps.backend.accessor(await identityFrom(request, deps));
      const init = { method, headers: requestHeaders(request), body };
      const answer = await slots.run(() => accessor.fetch(target.startsWith("/") ? target : `/${target}`, init));
      // A webhook sender that gets a 200 will not send again: what it delivered must be on disk.
      await deps.backend.durable();
      await writeResponse(response, answer);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const noRouter = message.includes('Could not find module for: "http"');
      if (!noRouter) deps.log(`http action ${method} ${target} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      if (response.headersSent) return void response.end();
      response.writeHead(noRouter ? 404 : 500, { "content-type": "text/plain" });
      response.end(noRouter ? "This app has no convex/http.ts routes.\n" : "Internal server error\n");
    }
  };
}

import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the stub saw it (path still encoded, body parsed when JSON). */
export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type StubAnswer = { status: number; body?: unknown; raw?: string } | "hang";

/**
 * A tiny HTTP server that answers whatever a test queues (then `fallback`), for the answers the simulator
 * never gives: malformed bodies, 5xx, stalls, older Evolution releases' quirks.
 */
export async function startStubServer() {
  const requests: StubRequest[] = [];
  const queued: StubAnswer[] = [];
  let fallback: StubAnswer = { status: 200, body: {} };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "/", headers: req.headers, body: text ? (JSON.parse(text) as unknown) : undefined });
      answer(res, queued.shift() ?? fallback);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Answers for the next requests, in order. */
    respond: (...answers: StubAnswer[]) => queued.push(...answers),
    /** What every request gets once the queue is empty. */
    respondAlways: (answer: StubAnswer) => {
      fallback = answer;
    },
    reset: () => {
      requests.length = 0;
      queued.length = 0;
      fallback = { status: 200, body: {} };
    },
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export type StubServer = Awaited<ReturnType<typeof startStubServer>>;

function answer(res: ServerResponse, reply: StubAnswer): void {
  // A stalled gateway: the connection stays open until the client gives up or the stub stops.
  if (reply === "hang") return;
  const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  res.writeHead(reply.status, { "content-type": reply.raw === undefined ? "application/json" : "text/html" });
  res.end(text);
}

/** A URL nothing listens on: a port that was free a moment ago. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

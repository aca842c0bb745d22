/**
 * The WebSocket side of port 3210: `/api/<client version>/sync`. Clients built from an address
 * with a trailing slash ask for `//api/...`, so repeated slashes are tolerated.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { setImmediate, setTimeout } from "node:timers";
import { WebSocketServer, type WebSocket } from "ws";
import { SyncConnection, type ConnectionDeps } from "./sync-connection";

const SYNC_PATH = /^\/api\/[^/]+\/sync$/;
/** Sockets that do not finish the closing handshake in time are cut. */
const CLOSE_GRACE_MS = 1_000;

export class SyncServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Map<WebSocket, SyncConnection>();
  private flushQueued = false;

  constructor(
    server: Server,
    private readonly deps: ConnectionDeps,
  ) {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pathname = (request.url ?? "/").split("?")[0].replace(/\/{2,}/g, "/");
      if (!SYNC_PATH.test(pathname)) {
        socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
    });
  }

  /**
   * Called synchronously at each commit with the tables it wrote. Marking subscriptions stale
   * right away means any Transition computed from now on (such as the one owed after a
   * MutationResponse) re-runs them; the re-runs themselves start on the next turn, once per
   * burst of commits.
   */
  invalidate(written: ReadonlySet<string>): void {
    if (this.connections.size === 0) return;
    for (const connection of this.connections.values()) connection.markStale(written);
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      for (const connection of this.connections.values()) connection.flush();
    });
  }

  /** Closes every socket with a reason clients treat as a restart, so they reconnect by themselves. */
  async close(): Promise<void> {
    const closing = [...this.connections.keys()].map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once("close", () => resolve());
          ws.close(1012, "InternalServerError: the offline engine is restarting");
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, CLOSE_GRACE_MS).unref();
        }),
    );
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    const connection = new SyncConnection(ws, this.deps);
    this.connections.set(ws, connection);
    // The default binaryType hands every frame over as one Buffer.
    ws.on("message", (data: Buffer) => connection.receive(data.toString("utf8")));
    ws.on("close", () => {
      connection.dispose();
      this.connections.delete(ws);
    });
    ws.on("error", (error: Error) => this.deps.log(`sync socket error: ${error.message}`));
  }
}

/**
 * A bare sync-protocol client for what the official client hides: re-sent mutations, exact
 * versions, AuthError framing. Messages are JSON, as convex@1.48.0's client sends them.
 */
import WebSocket from "ws";
import { WAIT_MS } from "./harness";

export type ServerMessage = { type: string; [field: string]: unknown };

export class RawSocket {
  private readonly received: ServerMessage[] = [];
  private readonly waiters = new Set<() => void>();
  closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      this.received.push(JSON.parse(data.toString("utf8")) as ServerMessage);
      for (const waiter of this.waiters) waiter();
    });
    ws.on("close", () => {
      this.closed = true;
      for (const waiter of this.waiters) waiter();
    });
  }

  static open(engineUrl: string, sessionId: string): Promise<RawSocket> {
    const ws = new WebSocket(`${engineUrl.replace(/^http/, "ws")}/api/1.48.0/sync`);
    return new Promise((resolve, reject) => {
      ws.once("error", reject);
      ws.once("open", () => {
        const socket = new RawSocket(ws);
        socket.send({ type: "Connect", sessionId, connectionCount: 0, lastCloseReason: "InitialConnect", clientTs: Date.now() });
        resolve(socket);
      });
    });
  }

  send(message: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  /** The first message of `type` not consumed yet (Pings are never awaited). */
  next(type: string): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = this.received.findIndex((message) => message.type === type);
        if (index === -1) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(this.received.splice(index, 1)[0]);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${type} arrived; got ${this.received.map((m) => m.type).join(", ") || "nothing"}`));
      }, WAIT_MS);
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves once the server has closed the socket. */
  whenClosed(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.closed) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => reject(new Error("the socket stayed open")), WAIT_MS);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.ws.close();
  }
}

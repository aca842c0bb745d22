/**
 * One client WebSocket speaking Convex's sync protocol. PIN convex 1.48.0: message shapes and the
 * client's version checks are those of its browser/sync (protocol.js, remote_query_set.js,
 * request_manager.js, authentication_manager.js). Messages are handled in arrival order; mutations
 * run one at a time, actions concurrently. Query results go out in Transitions whose start version
 * is exactly the version this client holds.
 */
import { clearInterval, clearTimeout, setInterval, setTimeout } from "node:timers";
import { performance } from "node:perf_hooks";
import { WebSocket } from "ws";
import type { Backend } from "./backend";
import { AuthFailure, type TokenVerifier } from "./auth";
import type { VerifiedIdentity } from "./identity";
import type { MutationLog } from "./mutation-log";
import type { Persistence } from "./persistence";
import { QuerySet, type QueryChange, type SubscriptionStats } from "./query-set";
import { encodeTs, encodeVersion, failureFields, type ActionResponse, type MutationResponse, type SyncVersion } from "./wire";

export type ConnectionDeps = {
  backend: Backend;
  verifier: TokenVerifier;
  mutations: MutationLog;
  persistence: Pick<Persistence, "answering">;
  stats: SubscriptionStats;
  log: (line: string) => void;
};

type ClientMessage =
  | { type: "Connect"; sessionId: string }
  | { type: "Authenticate"; tokenType: "User" | "None" | "Admin"; value?: string; baseVersion: number }
  | { type: "ModifyQuerySet"; baseVersion: number; newVersion: number; modifications: QueryChange[] }
  | { type: "Mutation"; requestId: number; udfPath: string; args?: unknown[] }
  | { type: "Action"; requestId: number; udfPath: string; args?: unknown[] }
  | { type: "Event" };

/** The real server pings after 15 s of silence; clients reconnect after 60 s without a message. */
const HEARTBEAT_MS = 15_000;
/**
 * Under a stream of other writers' commits (webhooks), a connection gets at most one Transition per
 * this interval: re-running every subscription after every commit would spend the engine's one
 * thread on results no one can read that fast. What this client asked for itself (new queries, a new
 * identity, its own mutation's result) is answered at once.
 */
export const MIN_TRANSITION_INTERVAL_MS = 100;

export class SyncConnection {
  private sessionId: string | null = null;
  private verified: VerifiedIdentity | null = null;
  private receivedIdentity = 0;
  private sent: SyncVersion = { querySet: 0, identity: 0, ts: 0n };
  private readonly queries: QuerySet;
  /** A MutationResponse went out: the next Transition must follow even if nothing else changed. */
  private transitionOwed = false;
  private dirty = false;
  /** This client is waiting for the next Transition (it changed its queries or identity, or mutated). */
  private urgent = false;
  private lastTransitionAt = Number.NEGATIVE_INFINITY;
  /** Ends the wait for the next slot early. */
  private wake: (() => void) | null = null;
  private flushing = false;
  private inbox: Promise<void> = Promise.resolve();
  /** Set once the connection is being closed: messages already queued must not run anymore. */
  private ended = false;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.queries = new QuerySet(deps.backend, deps.stats);
    this.heartbeat = setInterval(() => this.send({ type: "Ping" }), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  receive(text: string): void {
    this.inbox = this.inbox
      .then(() => this.handle(JSON.parse(text) as ClientMessage))
      .catch((error: unknown) => this.dropConnection(`could not handle a message: ${String(error)}`));
  }

  /** Something committed to these tables: subscriptions that read them may have a new result. */
  markStale(written: ReadonlySet<string>): void {
    this.queries.markStale(written);
  }

  dispose(): void {
    clearInterval(this.heartbeat);
    this.wake?.();
  }

  private get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  private async handle(message: ClientMessage): Promise<void> {
    if (this.ended) return;
    switch (message.type) {
      case "Connect":
        this.sessionId = message.sessionId;
        return;
      case "Authenticate":
        return this.authenticate(message);
      case "ModifyQuerySet":
        if (!this.queries.apply(message.baseVersion, message.newVersion, message.modifications)) {
          return this.dropConnection(`query set version ${message.baseVersion} does not follow ${this.queries.version}`);
        }
        return this.flush(true);
      case "Mutation":
        return this.mutate(message);
      case "Action":
        // Concurrent, but with the identity in force when the action arrived.
        void this.act(message, this.currentIdentity());
        return;
      case "Event":
        return;
    }
  }

  private currentIdentity() {
    return this.verified?.identity ?? null;
  }

  private async authenticate(message: Extract<ClientMessage, { type: "Authenticate" }>): Promise<void> {
    if (message.baseVersion !== this.receivedIdentity) {
      return this.dropConnection(`identity version ${message.baseVersion} does not follow ${this.receivedIdentity}`);
    }
    if (message.tokenType === "Admin") {
      return this.refuseToken("Admin keys are not supported by the offline engine; sign in as a user.", message.baseVersion);
    }
    if (message.tokenType === "User") {
      try {
        this.verified = await this.deps.verifier.verify(message.value ?? "");
      } catch (error) {
        if (!(error instanceof AuthFailure)) throw error;
        return this.refuseToken(error.message, message.baseVersion);
      }
    } else {
      this.verified = null;
    }
    this.receivedIdentity = message.baseVersion + 1;
    this.queries.markAllStale();
    this.flush(true);
  }

  /** Like the real server: AuthError, then the connection ends; the client fetches a fresh token. */
  private refuseToken(error: string, baseVersion: number, authUpdateAttempted = true): void {
    this.deps.log(`auth refused: ${error}`);
    this.send({ type: "AuthError", error, baseVersion, authUpdateAttempted });
    this.ended = true;
    this.socket.close(1000, "AuthError");
  }

  /** Functions never run with an expired token: the client must reauthenticate first. */
  private identityExpired(): boolean {
    const expiresAt = this.verified?.expiresAt;
    if (expiresAt === undefined || expiresAt === null || expiresAt > Date.now()) return false;
    this.refuseToken("Token expired.", this.receivedIdentity - 1, false);
    return true;
  }

  private async mutate(message: Extract<ClientMessage, { type: "Mutation" }>): Promise<void> {
    if (this.identityExpired()) return;
    const identity = this.currentIdentity();
    const { backend, mutations, persistence } = this.deps;
    const run = async (): Promise<MutationResponse> => {
      const outcome = await backend.call({ kind: "mutation", udfPath: message.udfPath, args: message.args?.[0], identity });
      return outcome.ok
        ? { type: "MutationResponse", requestId: message.requestId, success: true, result: outcome.value, ts: encodeTs(backend.ts()), logLines: outcome.logLines }
        : { type: "MutationResponse", requestId: message.requestId, success: false, ...failureFields(outcome) };
    };
    // Logged with its commit, so a re-send after a crash gets this answer instead of a second run.
    const key = this.sessionId === null ? null : `${this.sessionId}#${message.requestId}`;
    const response = await mutations.answer(this.sessionId, message.requestId, () => (key === null ? run() : persistence.answering(key, run)));
    await backend.durable();
    this.send(response);
    if (response.success) {
      this.transitionOwed = true;
      this.flush(true);
    }
  }

  private async act(message: Extract<ClientMessage, { type: "Action" }>, identity: ReturnType<SyncConnection["currentIdentity"]>) {
    const outcome = await this.deps.backend.call({ kind: "action", udfPath: message.udfPath, args: message.args?.[0], identity });
    const response: ActionResponse = outcome.ok
      ? { type: "ActionResponse", requestId: message.requestId, success: true, result: outcome.value, logLines: outcome.logLines }
      : { type: "ActionResponse", requestId: message.requestId, success: false, ...failureFields(outcome) };
    await this.deps.backend.durable();
    this.send(response);
  }

  /**
   * Sends a Transition if anything is stale, removed, owed or newer; one computation at a time.
   * `urgent`: this client is waiting for it; otherwise (another writer's commit) it may wait for
   * the connection's next slot, and every commit until then shares one re-run.
   */
  flush(urgent = false): void {
    this.dirty = true;
    if (urgent) {
      this.urgent = true;
      this.wake?.();
    }
    if (this.flushing) return;
    this.flushing = true;
    void this.flushLoop();
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.dirty && this.open) {
        const wait = this.lastTransitionAt + MIN_TRANSITION_INTERVAL_MS - performance.now();
        if (wait > 0 && !this.urgent) await this.untilUrgentOr(wait);
        this.dirty = false;
        this.urgent = false;
        this.lastTransitionAt = performance.now();
        await this.flushOnce();
      }
    } catch (error) {
      this.dropConnection(`could not compute a transition: ${String(error)}`);
    } finally {
      this.flushing = false;
    }
  }

  /** Resolves after `ms`, or as soon as the client is waiting for a Transition (or is gone). */
  private untilUrgentOr(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  /** One Transition from what the client holds to what it asked for, as of the latest commit. */
  private async flushOnce(): Promise<void> {
    if (this.identityExpired()) return;
    const owed = this.transitionOwed;
    this.transitionOwed = false;
    const target: SyncVersion = {
      querySet: this.queries.version,
      identity: this.receivedIdentity,
      ts: this.deps.backend.ts() > this.sent.ts ? this.deps.backend.ts() : this.sent.ts,
    };
    const modifications = await this.queries.evaluate(this.currentIdentity());
    const unchanged =
      target.querySet === this.sent.querySet && target.identity === this.sent.identity && target.ts === this.sent.ts;
    if (modifications.length === 0 && unchanged && !owed) return;
    // Clients never see a result that a crash could take back.
    await this.deps.backend.durable();
    this.send({ type: "Transition", startVersion: encodeVersion(this.sent), endVersion: encodeVersion(target), modifications });
    this.sent = target;
  }

  private send(message: object): void {
    if (this.open) this.socket.send(JSON.stringify(message));
  }

  /** Protocol trouble: close with a reason the client treats as a server restart, so it reconnects. */
  private dropConnection(reason: string): void {
    this.deps.log(`closing a sync connection: ${reason}`);
    this.ended = true;
    if (this.open) this.socket.close(1011, "InternalServerError");
  }
}

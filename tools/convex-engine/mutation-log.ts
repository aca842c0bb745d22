/**
 * Clients re-send every unresolved mutation after a reconnect, including ones the engine already
 * ran. Like the real backend, answers are remembered per (sessionId, requestId) and replayed
 * instead of running the mutation twice; a re-send that arrives while the first run is still
 * going waits for it. Answers of mutations that wrote something are logged with their commit
 * (persistence.ts), so they survive a crash too.
 */
import type { JSONValue } from "convex/values";
import type { SnapshotExtra } from "./persistence";
import type { MutationResponse } from "./wire";

/** Sessions come and go; the oldest answers are forgotten first. */
const MAX_REMEMBERED = 5_000;

export class MutationLog implements SnapshotExtra {
  private readonly answers = new Map<string, Promise<MutationResponse>>();
  private readonly settled = new Map<string, MutationResponse>();

  /** The remembered answer, or the result of `run` (remembered from now on). */
  answer(sessionId: string | null, requestId: number, run: () => Promise<MutationResponse>): Promise<MutationResponse> {
    if (sessionId === null) return run();
    const key = `${sessionId}#${requestId}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = run();
    this.answers.set(key, answer);
    void answer.then(
      (response) => this.remember(key, response),
      () => this.answers.delete(key),
    );
    return answer;
  }

  private remember(key: string, response: MutationResponse): void {
    this.settled.set(key, response);
    while (this.settled.size > MAX_REMEMBERED) {
      const oldest = this.settled.keys().next().value as string;
      this.settled.delete(oldest);
      this.answers.delete(oldest);
    }
  }

  save(): JSONValue {
    return [...this.settled.entries()].map(([key, response]) => [key, response as unknown as JSONValue]);
  }

  load(saved: JSONValue): void {
    if (!Array.isArray(saved)) return;
    for (const entry of saved) {
      if (Array.isArray(entry) && typeof entry[0] === "string") this.restore(entry[0], entry[1] ?? null);
    }
  }

  /** An answer read back from the snapshot or the write-ahead log. */
  restore(key: string, answer: JSONValue): void {
    const response = answer as unknown as MutationResponse;
    this.answers.set(key, Promise.resolve(response));
    this.remember(key, response);
  }
}

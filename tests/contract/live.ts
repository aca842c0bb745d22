/**
 * A subscription through `ConvexClient.onUpdate`, kept open for a whole test: each wait looks at
 * the latest result the server pushed, never re-subscribes.
 */
import type { ConvexClient } from "convex/browser";
import type { FunctionReference } from "convex/server";
import { WAIT_MS } from "./harness";

export type LiveState<T> = { value?: T; error?: Error & { data?: unknown } };

export class Live<T> {
  private state: LiveState<T> = {};
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  /** How many results (values or errors) arrived. */
  updates = 0;

  /** The latest result, exactly as the client holds it now. */
  get latest(): LiveState<T> {
    return this.state;
  }

  constructor(client: ConvexClient, query: FunctionReference<"query">, args: Record<string, unknown>) {
    this.unsubscribe = client.onUpdate(
      query,
      args,
      (value: T) => this.push({ value }),
      (error: Error) => this.push({ error }),
    );
  }

  private push(state: LiveState<T>): void {
    this.state = state;
    this.updates += 1;
    for (const listener of this.listeners) listener();
  }

  /** The first (current or future) state matching `predicate`. */
  until(predicate: (state: LiveState<T>) => boolean, waitingFor: string): Promise<LiveState<T>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.state)) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(this.state);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out waiting for ${waitingFor}; last state: ${describe(this.state)}`));
      }, WAIT_MS);
      this.listeners.add(check);
      check();
    });
  }

  /** The next value that satisfies `predicate` (errors are skipped). */
  async value(predicate: (value: T) => boolean = () => true, waitingFor = "a value"): Promise<T> {
    const state = await this.until((s) => s.value !== undefined && s.error === undefined && predicate(s.value), waitingFor);
    return state.value as T;
  }

  async error(waitingFor = "an error"): Promise<Error & { data?: unknown }> {
    const state = await this.until((s) => s.error !== undefined, waitingFor);
    return state.error as Error & { data?: unknown };
  }

  stop(): void {
    this.unsubscribe();
  }
}

function describe(state: LiveState<unknown>): string {
  if (state.error) return `error ${state.error.message}`;
  return state.value === undefined ? "nothing yet" : JSON.stringify(state.value);
}

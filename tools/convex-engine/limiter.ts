/**
 * At most `limit` calls in flight, the rest waiting in arrival order. convex-test wakes every
 * waiter of its transaction lock on each commit, so thousands of concurrent http actions cost
 * quadratic time and every answer waits for all of them; a real deployment bounds concurrent
 * executions too.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next caller, so a newcomer cannot overtake it.
      if (next) next();
      else this.running -= 1;
    }
  }
}

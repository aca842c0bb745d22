import { afterEach, vi } from "vitest";
import { takeCreatedTests } from "./setup";

/**
 * Every convex test ends with its scheduled functions run to completion (fake timers), so no bot
 * run, retry or batch of one test can fire during the next. Runs before the test file's own
 * afterEach hooks (the project sets `sequence.hooks: "list"`), while its stubs are still in place.
 */
afterEach(async () => {
  for (const t of takeCreatedTests()) {
    const fakeAlready = vi.isFakeTimers();
    if (!fakeAlready) vi.useFakeTimers();
    try {
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      if (!fakeAlready) vi.useRealTimers();
    }
  }
});

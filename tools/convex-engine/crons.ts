/**
 * Runs the jobs of convex/crons.ts on their schedule (convex-test never does). Like Convex, a run
 * missed while the engine was down is not caught up, and runs never overlap: the next one is
 * armed after the current one finishes.
 */
import { clearTimeout, setTimeout } from "node:timers";
import type { Backend } from "./backend";
import { nextRunFinder, type CronSchedule } from "./cron-schedule";

type CronJob = { name: string; args: unknown[]; schedule: CronSchedule };

/** Node timers overflow past ~24.8 days; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class CronRunner {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly backend: Backend,
    private readonly log: (line: string) => void,
  ) {}

  /** Arms every job of the module's default export (`cronJobs()`); returns how many. */
  start(cronsModule: Record<string, unknown> | null): number {
    const jobs = (cronsModule?.default as { crons?: Record<string, CronJob> } | undefined)?.crons ?? {};
    for (const [identifier, job] of Object.entries(jobs)) {
      try {
        const nextAfter = nextRunFinder(job.schedule);
        this.arm(identifier, job, nextAfter, nextAfter(Date.now()));
      } catch (error) {
        this.log(`cron "${identifier}" not scheduled: ${(error as Error).message}`);
      }
    }
    return Object.keys(jobs).length;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(identifier: string, job: CronJob, nextAfter: (after: number) => number | null, at: number | null): void {
    if (this.stopped || at === null) return;
    const wait = Math.max(0, at - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (wait > MAX_TIMER_MS || Date.now() < at) return this.arm(identifier, job, nextAfter, at);
      void this.run(identifier, job).then(() => this.arm(identifier, job, nextAfter, nextAfter(Date.now())));
    }, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
    this.timers.add(timer);
  }

  private async run(identifier: string, job: CronJob): Promise<void> {
    const outcome = await this.backend.call({
      kind: "any",
      udfPath: job.name,
      args: job.args[0] ?? {},
      identity: null,
      allowInternal: true,
    });
    if (!outcome.ok) this.log(`cron "${identifier}" (${job.name}) failed: ${outcome.errorMessage}`);
  }
}

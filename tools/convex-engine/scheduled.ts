/**
 * convex-test arms a timer per scheduled function; timers die with the process, so after a restore
 * every job still pending is scheduled again. Each keeps its id (apps store job ids to cancel
 * them) by pointing the id counter at it for the one insert `runAt` makes.
 *
 * PIN convex-test 0.0.60: `_scheduled_functions` docs are `{ name: udfPath, args: [args],
 * scheduledTime: ms, state: { kind } }`, and ids are `<counter><table>` from `_nextDocId`.
 */
import { makeFunctionReference } from "convex/server";
import type { Backend } from "./backend";
import type { StoredDocument } from "./internals";

type Job = StoredDocument & { name: string; args: unknown[]; scheduledTime: number; state: { kind: string } };

const JOB_ID = /^\d+_scheduled_functions$/;

function isUnfinishedJob(document: StoredDocument): document is Job {
  if (!JOB_ID.test(document._id)) return false;
  const kind = (document as Partial<Job>).state?.kind;
  return kind === "pending" || kind === "inProgress";
}

/** Returns how many jobs were armed again. */
export async function rearmScheduledFunctions(backend: Backend, log: (line: string) => void): Promise<number> {
  const { db } = backend.internals;
  const jobs = Object.values(db._documents).filter(isUnfinishedJob).sort((a, b) => a.scheduledTime - b.scheduledTime);
  const nextDocId = db._nextDocId;
  let armed = 0;
  for (const job of jobs) {
    // A mutation that was running never committed, so running it again is exactly-once; an
    // action may have had effects, and Convex runs actions at most once.
    if (job.state.kind === "inProgress" && (await backend.resolve(job.name, "any", true)) === "action") {
      db._documents[job._id] = { ...job, state: { kind: "failed" }, completedTime: Date.now() };
      continue;
    }
    delete db._documents[job._id];
    db._nextDocId = Number(/^\d+/.exec(job._id)?.[0]);
    await backend.t.run(async (ctx) => {
      await ctx.scheduler.runAt(job.scheduledTime, makeFunctionReference<"mutation">(job.name), job.args[0] as never);
    });
    const rearmed = db._documents[job._id];
    if (rearmed === undefined) log(`scheduled function ${job.name} came back under a new id`);
    else rearmed._creationTime = job._creationTime;
    armed += 1;
  }
  db._nextDocId = Math.max(nextDocId, db._nextDocId);
  return armed;
}

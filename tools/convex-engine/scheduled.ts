/**
 * convex-test arms a timer per scheduled function; timers die with the process, so after a restore
 * every job still pending is scheduled again. Each keeps its id (apps store job ids to cancel
 * them) by pointing the id counter at it for the one insert `runAt` makes, which overwrites the
 * stored job. Every change goes through the write-ahead log like any commit.
 *
 * PIN convex-test 0.0.60: `_scheduled_functions` docs are `{ name: udfPath, args: [args],
 * scheduledTime: ms, state: { kind } }`, and ids are `<counter><table>` from `_nextDocId`.
 */
import { makeFunctionReference } from "convex/server";
import type { Backend } from "./backend";
import type { StoredDocument } from "./internals";
import type { Persistence } from "./persistence";

// PIN convex-test 0.0.60: `_writes.at(-1)` holds the transaction's pending documents by id.

type Job = StoredDocument & { name: string; args: unknown[]; scheduledTime: number; state: { kind: string } };

const JOB_ID = /^\d+_scheduled_functions$/;

function isUnfinishedJob(document: StoredDocument): document is Job {
  if (!JOB_ID.test(document._id)) return false;
  const kind = (document as Partial<Job>).state?.kind;
  return kind === "pending" || kind === "inProgress";
}

/** Returns how many jobs were armed again. */
export async function rearmScheduledFunctions(backend: Backend, persistence: Persistence, log: (line: string) => void): Promise<number> {
  const { db } = backend.internals;
  const jobs = [...backend.store.table("_scheduled_functions").values()].filter(isUnfinishedJob).sort((a, b) => a.scheduledTime - b.scheduledTime);
  const nextDocId = db._nextDocId;
  let armed = 0;
  for (const job of jobs) {
    // A job that ran meanwhile (its time had come during an earlier re-arm) is left alone.
    if (db._documents[job._id] !== job) continue;
    // A mutation that was running never committed, so running it again is exactly-once; an
    // action may have had effects, and Convex runs actions at most once.
    if (job.state.kind === "inProgress" && (await backend.resolve(job.name, "any", true)) === "action") {
      persistence.writeDirect([[job._id, { ...job, state: { kind: "failed" }, completedTime: Date.now() }]]);
      continue;
    }
    db._nextDocId = Number(/^\d+/.exec(job._id)?.[0]);
    await backend.t.run(async (ctx) => {
      await ctx.scheduler.runAt(job.scheduledTime, makeFunctionReference<"mutation">(job.name), job.args[0] as never);
      // Still inside the transaction: no other function can take an id from the lowered counter,
      // and the job keeps its creation time in the same commit.
      db._nextDocId = Math.max(nextDocId, db._nextDocId);
      const pending = db._writes.at(-1)?.[job._id];
      if (pending) pending._creationTime = job._creationTime;
      else log(`scheduled function ${job.name} came back under a new id`);
    });
    armed += 1;
  }
  return armed;
}

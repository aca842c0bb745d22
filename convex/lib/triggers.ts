import { Triggers, type Change } from "convex-helpers/server/triggers";
import { contributionsOf, ROLLUP_TABLES, type Contribution, type RollupTable } from "../../lib/metrics/contributions";
import type { DataModel } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { applyInboxCountChange } from "../model/inboxCounts";
import { syncSessionLabels } from "../model/labels";
import { addToRollups, collect, rollupTargetsOf, type PendingRollups } from "../model/rollups";
import { onInlineMediaChange, onMessageMediaChange, onUploadChange } from "../model/mediaFiles";
import { entersQueueUnowned } from "../model/routing";
import { syncContactSearchText, syncMessageSearchText } from "../model/searchText";
import { internal } from "../_generated/api";

/**
 * Derived data kept by triggers (DESIGN "Data model": dailyStats "maintained by triggers on sessions,
 * messages and stageEvents — never by hand"). Every mutation builder in ./functions.ts wraps its
 * `ctx.db` with these, so no write path can skip them: each write of a rollup table applies
 * `contributions(newDoc) − contributions(oldDoc)` to the (org, agent, local day) rows.
 */
export const triggers = new Triggers<DataModel>();

const sameContributions = (a: Contribution[], b: Contribution[]) => JSON.stringify(a) === JSON.stringify(b);

type RollupChange = Change<DataModel, RollupTable>;

/** One row's change applied to the current rollups (and to a running rebuild that has counted it). */
async function applyRollupChange(db: DatabaseWriter, table: RollupTable, change: RollupChange) {
  const before = change.oldDoc ? contributionsOf(table, change.oldDoc as never) : [];
  const after = change.newDoc ? contributionsOf(table, change.newDoc as never) : [];
  if (sameContributions(before, after)) return;
  const orgId = (change.newDoc ?? change.oldDoc)!.orgId;
  const org = await db.get("organizations", orgId);
  // A deleted organization's rows are being purged: its rollups go with them.
  if (org === null || org.deletedAt !== undefined) return;
  // A row inserted now is after any rebuild's cursor: the rebuild will still read it.
  const creationTime = change.operation === "insert" ? null : change.oldDoc._creationTime;
  const pending: PendingRollups = new Map();
  for (const target of rollupTargetsOf(org, { table, creationTime })) {
    collect(pending, target, before, -1);
    collect(pending, target, after, 1);
  }
  await addToRollups(db, orgId, pending.values());
}

for (const table of ROLLUP_TABLES) {
  triggers.register(table, async (ctx, change) => applyRollupChange(ctx.innerDb, table, change as RollupChange));
}

// Received media is fetched after the webhook answers; stored files go with the rows that own them.
triggers.register("messages", (ctx, change) => onMessageMediaChange(ctx, change));
triggers.register("uploads", (ctx, change) => onUploadChange(ctx, change));
triggers.register("mediaInbox", (ctx, change) => onInlineMediaChange(ctx, change));
// The inbox views' live counts (model/inboxCounts.ts) and the handoff queue's routing (model/routing.ts).
triggers.register("sessions", async (ctx, change) => {
  await applyInboxCountChange(ctx.innerDb, change.oldDoc, change.newDoc);
  // Routing reads the agent and memberships: scheduled right after, so the write that queued the
  // customer (a webhook ingest, within its 10-read budget) does not pay for it.
  if (entersQueueUnowned(change.oldDoc, change.newDoc)) {
    await ctx.scheduler.runAfter(0, internal.routing.routeWaiting, { orgId: change.newDoc.orgId, sessionId: change.newDoc._id });
  }
});

// The label filter's order (sessionLabels.lastMessageAt) follows its session.
triggers.register("sessions", async (ctx, change) => syncSessionLabels(ctx.innerDb, change.oldDoc, change.newDoc));

// What search matches (model/searchText.ts) follows the text and names it is made from.
triggers.register("messages", async (ctx, change) => syncMessageSearchText(ctx.innerDb, change.newDoc));
triggers.register("contacts", async (ctx, change) => syncContactSearchText(ctx.innerDb, change.newDoc));

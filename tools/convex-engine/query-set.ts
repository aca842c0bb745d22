/**
 * A connection's subscribed queries: what the client asked for (versioned like the protocol's
 * querySet), which results may be out of date, and what was last sent, so a re-run that returns
 * the same result sends nothing. Paginated subscriptions keep their journal here. Each result
 * remembers the tables it read: a commit that wrote none of them leaves it as it is.
 */
import type { Backend } from "./backend";
import type { Identity } from "./identity";
import { decodeJournal, encodeJournal, type JournalSlot } from "./journal";
import { newReadSet, touches, type ReadSet } from "./read-sets";
import { canonicalizeUdfPath, type QueryModification } from "./wire";

type Subscription = {
  udfPath: string;
  args: unknown;
  endCursor: string | null;
  lastSent: string | null;
  /** What the last run read; null before the first run. */
  reads: ReadSet | null;
  /** A commit during a run may come after the snapshot it read: always stale. */
  running: boolean;
};

/** Shared by every connection: how many subscription runs the engine made (tests count them). */
export type SubscriptionStats = { runs: number };

export type QueryChange =
  | { type: "Add"; queryId: number; udfPath: string; args?: unknown[]; journal?: string | null }
  | { type: "Remove"; queryId: number };

export class QuerySet {
  version = 0;
  private readonly subscriptions = new Map<number, Subscription>();
  private readonly stale = new Set<number>();
  private readonly removed = new Set<number>();

  constructor(
    private readonly backend: Backend,
    private readonly stats: SubscriptionStats,
  ) {}

  /** Applies a ModifyQuerySet; false when it does not follow the version held. */
  apply(baseVersion: number, newVersion: number, changes: QueryChange[]): boolean {
    if (baseVersion !== this.version) return false;
    for (const change of changes) {
      if (change.type === "Add") {
        const subscription = {
          udfPath: canonicalizeUdfPath(change.udfPath),
          args: change.args?.[0] ?? {},
          endCursor: decodeJournal(change.journal),
          lastSent: null,
          reads: null,
          running: false,
        };
        this.subscriptions.set(change.queryId, subscription);
        this.stale.add(change.queryId);
        this.removed.delete(change.queryId);
      } else if (this.subscriptions.delete(change.queryId)) {
        this.stale.delete(change.queryId);
        this.removed.add(change.queryId);
      }
    }
    this.version = newVersion;
    return true;
  }

  markAllStale(): void {
    for (const queryId of this.subscriptions.keys()) this.stale.add(queryId);
  }

  /** A commit wrote these tables: results that read one of them may have changed. */
  markStale(written: ReadonlySet<string>): void {
    for (const [queryId, subscription] of this.subscriptions) {
      if (subscription.running || subscription.reads === null || touches(subscription.reads, written)) this.stale.add(queryId);
    }
  }

  /**
   * Re-runs the stale subscriptions as `identity` and returns the modifications for the next
   * Transition. What is stale or removed is taken synchronously, at the same moment the caller
   * reads the versions that Transition will end at.
   */
  async evaluate(identity: Identity | null): Promise<QueryModification[]> {
    const due = [...this.stale];
    this.stale.clear();
    const modifications: QueryModification[] = [...this.removed].map((queryId) => ({ type: "QueryRemoved", queryId }));
    this.removed.clear();
    for (const queryId of due) {
      const subscription = this.subscriptions.get(queryId);
      if (subscription === undefined) continue;
      const modification = await this.run(queryId, subscription, identity);
      // Removed or replaced while running: its removal goes out with the next Transition.
      if (this.subscriptions.get(queryId) !== subscription) continue;
      if (modification !== null) modifications.push(modification);
    }
    return modifications;
  }

  private async run(queryId: number, subscription: Subscription, identity: Identity | null): Promise<QueryModification | null> {
    const journal: JournalSlot = { endCursor: subscription.endCursor, used: false };
    const reads = newReadSet();
    this.stats.runs += 1;
    subscription.running = true;
    const outcome = await this.backend
      .call({ kind: "query", udfPath: subscription.udfPath, args: subscription.args, identity, journal, readSet: reads })
      .finally(() => {
        subscription.running = false;
      });
    subscription.reads = reads;
    if (outcome.ok) subscription.endCursor = journal.endCursor;
    const common = { logLines: outcome.logLines, journal: encodeJournal(subscription.endCursor) };
    const modification: QueryModification = outcome.ok
      ? { type: "QueryUpdated", queryId, value: outcome.value, ...common }
      : outcome.errorData === undefined
        ? { type: "QueryFailed", queryId, errorMessage: outcome.errorMessage, ...common }
        : { type: "QueryFailed", queryId, errorMessage: outcome.errorMessage, errorData: outcome.errorData, ...common };
    const { queryId: _ignored, ...comparable } = modification;
    const fingerprint = JSON.stringify(comparable);
    if (fingerprint === subscription.lastSent) return null;
    subscription.lastSent = fingerprint;
    return modification;
  }
}

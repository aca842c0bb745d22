/**
 * Keeps the engine's database across restarts and crashes. Every top-level commit is appended to
 * the write-ahead log (wal.ts) from inside the commit, and answers go out only after `durable()`,
 * so whatever a client was told has happened is on disk. When the log grows past a size, a
 * compaction writes a snapshot in the background and deletes the log segments it covers.
 * Recovery = the snapshot, then every later log record, in order.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { DocumentStore } from "./document-store";
import type { Commit, ConvexTestInternals, StoredDocument } from "./internals";
import { currentScope, runInScope } from "./scope";
import { readSnapshot, writeSnapshot } from "./snapshot";
import { cutTornTail, listSegments, readSegment, segmentName, WriteAheadLog, type LogBody } from "./wal";

/** State owned elsewhere (the answered-mutation log) that rides along in the snapshot. */
export type SnapshotExtra = { save(): JSONValue; load(saved: JSONValue): void; restore(key: string, answer: JSONValue): void };

/** A request whose first commit must be logged together with its answer (see `answering`). */
type AnswerTag = { record: ReturnType<WriteAheadLog["append"]> | null; open: boolean };
type CommitBody = { lsn: number; ts?: string; next?: number; lct?: number; w?: [string, JSONValue | null][]; b?: [string, string][]; a?: [string, JSONValue] };

/** Default log size that triggers a compaction. */
export const COMPACT_LOG_BYTES = 64 * 1024 * 1024;

export type RecoveryReport = { documents: number; records: number; tornBytes: number };

export class Persistence {
  private wal: WriteAheadLog | null = null;
  private compacting: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly internals: ConvexTestInternals,
    private readonly store: DocumentStore,
    private readonly answers: SnapshotExtra,
    private readonly log: (line: string) => void,
    private readonly compactLogBytes = COMPACT_LOG_BYTES,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Loads the snapshot and replays the log into the empty database, then opens a new segment. */
  recover(): RecoveryReport {
    const { db } = this.internals;
    const snapshot = readSnapshot(this.dir);
    const coveredLsn = snapshot?.lsn ?? 0;
    if (snapshot !== null) {
      for (const json of snapshot.documents) {
        const doc = jsonToConvex(json) as StoredDocument;
        db._documents[doc._id] = doc;
      }
      for (const [id, base64] of snapshot.blobs) db._storage[id] = new Blob([Buffer.from(base64, "base64")]);
      this.advance({ lsn: 0, ts: snapshot.ts, next: snapshot.nextDocId, lct: snapshot.lastCreationTime });
      if (snapshot.extra.mutations !== undefined) this.answers.load(snapshot.extra.mutations);
    }
    const segments = listSegments(this.dir);
    let lastLsn = coveredLsn;
    let records = 0;
    let tornBytes = 0;
    for (const [i, number] of segments.entries()) {
      const file = path.join(this.dir, segmentName(number));
      const { bodies, validBytes, totalBytes } = readSegment(file);
      if (validBytes < totalBytes) {
        // Only the newest segment can end in a write the crash interrupted; anything else is damage.
        if (i !== segments.length - 1) throw new Error(`convex engine: ${file} is damaged at byte ${validBytes}. Move the data directory away to start empty.`);
        cutTornTail(file, validBytes);
        tornBytes = totalBytes - validBytes;
        this.log(`dropped a torn record at the end of ${segmentName(number)} (${tornBytes} bytes)`);
      }
      for (const body of bodies as CommitBody[]) {
        // A record completed after a compaction captured its writes lands in a later segment.
        if (body.a !== undefined) this.answers.restore(body.a[0], body.a[1]);
        if (body.lsn <= coveredLsn) continue;
        this.apply(body);
        records += 1;
        lastLsn = Math.max(lastLsn, body.lsn);
      }
    }
    this.store.rebuild();
    this.wal = new WriteAheadLog(this.dir, (segments.at(-1) ?? 0) + 1, lastLsn);
    return { documents: Object.keys(db._documents).length, records, tornBytes };
  }

  private apply(body: CommitBody): void {
    const { db } = this.internals;
    for (const [id, json] of body.w ?? []) {
      if (json === null) delete db._documents[id];
      else db._documents[id] = jsonToConvex(json) as StoredDocument;
    }
    for (const [id, base64] of body.b ?? []) db._storage[id] = new Blob([Buffer.from(base64, "base64")]);
    this.advance(body);
  }

  /** Counters only move forward (a re-armed job's record carries a lower id counter). */
  private advance(body: CommitBody): void {
    const { db, transactionManager } = this.internals;
    if (body.next !== undefined) db._nextDocId = Math.max(db._nextDocId, body.next);
    if (body.lct !== undefined) db._lastCreationTime = Math.max(db._lastCreationTime, body.lct);
    if (body.ts !== undefined && BigInt(body.ts) > transactionManager._lastCommitTs) transactionManager._lastCommitTs = BigInt(body.ts);
  }

  private get writer(): WriteAheadLog {
    if (this.wal === null) throw new Error("convex engine: persistence used before recovery.");
    return this.wal;
  }

  private body(ts: bigint, ids: string[]): LogBody {
    const { db } = this.internals;
    const writes = ids.map((id): [string, JSONValue | null] => {
      const doc = db._documents[id];
      return [id, doc === undefined ? null : convexToJson(doc as Value)];
    });
    return { ts: ts.toString(), next: db._nextDocId, lct: db._lastCreationTime, w: writes };
  }

  /** The commit hook: runs inside the commit, in the committing request's async context. */
  recordCommit(commit: Commit): void {
    const tag = currentScope()?.answer as AnswerTag | undefined;
    const hold = tag !== undefined && tag.open && tag.record === null;
    const record = this.writer.append(this.body(commit.ts, commit.ids), !hold);
    if (hold) tag.record = record;
    if (this.compacting === null && this.writer.segmentBytes >= this.compactLogBytes) void this.compactInBackground();
  }

  /** File blobs are stored after their `_storage` row commits; their bytes get a record of their own. */
  recordBlob(id: string, blob: Blob): void {
    const record = this.writer.append({}, false);
    void blob.arrayBuffer().then(
      (bytes) => this.writer.complete(record, { b: [[id, Buffer.from(bytes).toString("base64")]] }),
      () => this.writer.complete(record),
    );
  }

  /** Engine-internal writes outside any transaction (re-arming scheduled functions). */
  writeDirect(changes: [string, StoredDocument | null][]): void {
    const { db, transactionManager } = this.internals;
    for (const [id, doc] of changes) {
      if (doc === null) delete db._documents[id];
      else db._documents[id] = doc;
    }
    const ids = changes.map(([id]) => id);
    this.store.sync(ids);
    this.writer.append(this.body(transactionManager._lastCommitTs, ids));
  }

  /**
   * Runs `build` (a sync-protocol mutation and its answer); the first commit it makes is logged
   * together with the answer, so after a crash a re-sent mutation is answered, never run twice.
   */
  async answering<T extends JSONValue>(key: string, build: () => Promise<T>): Promise<T> {
    const tag: AnswerTag = { record: null, open: true };
    try {
      const answer = await runInScope({ answer: tag }, build);
      if (tag.record !== null) this.writer.complete(tag.record, { a: [key, answer] });
      return answer;
    } finally {
      tag.open = false;
      if (tag.record !== null && !tag.record.ready) this.writer.complete(tag.record);
    }
  }

  durable(): Promise<void> {
    return this.writer.durable();
  }

  /** Sizes on disk right now, for logs and benchmarks. */
  logBytes(): number {
    return this.wal?.segmentBytes ?? 0;
  }

  compactInBackground(): Promise<void> {
    this.compacting ??= this.compact()
      .catch((error: unknown) => this.log(`compaction failed (the log is kept): ${String(error)}`))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  private async compact(): Promise<void> {
    const { db, transactionManager } = this.internals;
    const wal = this.writer;
    // Captured synchronously: exactly the commits logged up to `lsn`.
    const header = {
      format: 2,
      lsn: wal.lastLsn,
      ts: transactionManager._lastCommitTs.toString(),
      nextDocId: db._nextDocId,
      lastCreationTime: db._lastCreationTime,
      extra: { mutations: this.answers.save() },
    };
    const documents = Object.values(db._documents);
    const blobs = Object.entries(db._storage).filter(([id]) => db._documents[id] !== undefined);
    const current = wal.segmentNumber;
    await wal.rotate();
    const started = Date.now();
    const bytes = await writeSnapshot(this.dir, { header, documents, blobs });
    for (const number of listSegments(this.dir)) if (number <= current) rmSync(path.join(this.dir, segmentName(number)), { force: true });
    this.log(`compacted ${documents.length} documents into a ${(bytes / 1e6).toFixed(1)} MB snapshot in ${Date.now() - started} ms`);
  }

  /** Waits for the log and any compaction under way; the log is all a restart needs. */
  async close(): Promise<void> {
    await this.compacting;
    await this.wal?.close();
  }
}

/**
 * Keeps the engine's database across restarts: every document (system tables included), file
 * blobs, the id counter, the commit timestamp and answered mutations, as one JSON snapshot written
 * atomically (temp file + rename) shortly after commits and on shutdown.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { clearTimeout, setTimeout } from "node:timers";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { ConvexTestInternals, StoredDocument } from "./internals";

const SNAPSHOT_FILE = "snapshot.json";
const FORMAT = 1;
/** Commits arrive in bursts (a webhook, its scheduled purge); one write covers the burst. */
const WRITE_DELAY_MS = 200;

type Snapshot = {
  format: number;
  ts: string;
  nextDocId: number;
  lastCreationTime: number;
  documents: Record<string, JSONValue>;
  blobs: Record<string, string>;
  extra: Record<string, JSONValue>;
};

/** State owned elsewhere (the answered-mutation log) that rides along in the snapshot. */
export type SnapshotExtra = { save(): JSONValue; load(saved: JSONValue): void };

export class Persistence {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly internals: ConvexTestInternals,
    private readonly extras: Record<string, SnapshotExtra>,
    private readonly log: (line: string) => void,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, SNAPSHOT_FILE);
  }

  /** Loads the snapshot into the empty database; returns how many documents came back. */
  restore(): number {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(readFileSync(this.file, "utf8")) as Snapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw new Error(`convex engine: cannot read ${this.file}: ${(error as Error).message}. Move it away to start empty.`);
    }
    if (snapshot.format !== FORMAT) throw new Error(`convex engine: ${this.file} has an unknown format (${snapshot.format}).`);
    const { db, transactionManager } = this.internals;
    for (const [id, document] of Object.entries(snapshot.documents)) {
      db._documents[id] = jsonToConvex(document) as StoredDocument;
    }
    for (const [id, base64] of Object.entries(snapshot.blobs)) db._storage[id] = new Blob([Buffer.from(base64, "base64")]);
    db._nextDocId = Math.max(db._nextDocId, snapshot.nextDocId);
    db._lastCreationTime = Math.max(db._lastCreationTime, snapshot.lastCreationTime);
    const ts = BigInt(snapshot.ts);
    if (ts > transactionManager._lastCommitTs) transactionManager._lastCommitTs = ts;
    for (const [name, extra] of Object.entries(this.extras)) {
      if (snapshot.extra?.[name] !== undefined) extra.load(snapshot.extra[name]);
    }
    return Object.keys(snapshot.documents).length;
  }

  /** Called after each commit: writes a little later, once per burst. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, WRITE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now (and waits for any write in progress); used on shutdown. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const next = this.writing.then(() => this.write());
    this.writing = next.catch((error: unknown) => this.log(`could not save ${this.file}: ${String(error)}`));
    await this.writing;
  }

  private async write(): Promise<void> {
    // Documents are read synchronously, so the snapshot is one consistent commit.
    const { db, transactionManager } = this.internals;
    const documents: Record<string, JSONValue> = {};
    for (const [id, document] of Object.entries(db._documents)) documents[id] = convexToJson(document as Value);
    const blobEntries = Object.entries(db._storage);
    const extra: Record<string, JSONValue> = {};
    for (const [name, part] of Object.entries(this.extras)) extra[name] = part.save();
    const snapshot: Snapshot = {
      format: FORMAT,
      ts: transactionManager._lastCommitTs.toString(),
      nextDocId: db._nextDocId,
      lastCreationTime: db._lastCreationTime,
      documents,
      blobs: {},
      extra,
    };
    for (const [id, blob] of blobEntries) {
      if (documents[id] !== undefined) snapshot.blobs[id] = Buffer.from(await blob.arrayBuffer()).toString("base64");
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, this.file);
  }
}

/**
 * The snapshot: the whole database as of one log position, as JSON lines (a header, then one line
 * per document or file blob), written to a temporary file, fsync'd and renamed over the previous
 * one, so a crash leaves either the old or the new snapshot, never a mix. Written in slices that
 * yield to the event loop, so requests keep being served while it is written.
 *
 * Format 1 (one JSON object, `snapshot.json`) is what engines before the write-ahead log wrote; it
 * is still read, and replaced by the first compaction.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import { convexToJson, type JSONValue, type Value } from "convex/values";
import type { StoredDocument } from "./internals";
import { fsyncDirectory } from "./wal";

export const SNAPSHOT_FILE = "snapshot.jsonl";
const LEGACY_FILE = "snapshot.json";
const FORMAT = 2;
const SLICE = 2_000;

export type SnapshotHeader = {
  format: number;
  /** The last log record whose effects are in the snapshot. */
  lsn: number;
  ts: string;
  nextDocId: number;
  lastCreationTime: number;
  extra: Record<string, JSONValue>;
};

export type SnapshotContent = SnapshotHeader & { documents: JSONValue[]; blobs: [string, string][] };

/** What a compaction captured synchronously: immutable documents, so they are serialised later. */
export type Capture = { header: SnapshotHeader; documents: StoredDocument[]; blobs: [string, Blob][] };

export async function writeSnapshot(dir: string, capture: Capture): Promise<number> {
  const file = path.join(dir, SNAPSHOT_FILE);
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, "w");
  let bytes = 0;
  const put = async (text: string) => {
    const buffer = Buffer.from(text, "utf8");
    bytes += buffer.length;
    await handle.write(buffer);
  };
  try {
    await put(`${JSON.stringify(capture.header)}\n`);
    for (let from = 0; from < capture.documents.length; from += SLICE) {
      const lines = capture.documents.slice(from, from + SLICE).map((doc) => JSON.stringify({ d: convexToJson(doc as Value) }));
      await put(`${lines.join("\n")}\n`);
      await setImmediate();
    }
    for (const [id, blob] of capture.blobs) {
      await put(`${JSON.stringify({ b: [id, Buffer.from(await blob.arrayBuffer()).toString("base64")] })}\n`);
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  fsyncDirectory(dir);
  rmSync(path.join(dir, LEGACY_FILE), { force: true });
  return bytes;
}

type LegacySnapshot = {
  format: 1;
  ts: string;
  nextDocId: number;
  lastCreationTime: number;
  documents: Record<string, JSONValue>;
  blobs: Record<string, string>;
  extra?: Record<string, JSONValue>;
};

/** The snapshot in `dir`, or null when there is none yet. */
export function readSnapshot(dir: string): SnapshotContent | null {
  const file = path.join(dir, SNAPSHOT_FILE);
  rmSync(`${file}.tmp`, { force: true });
  if (existsSync(file)) {
    const lines = readFileSync(file, "utf8").split("\n");
    const header = JSON.parse(lines[0] ?? "") as SnapshotHeader;
    if (header.format !== FORMAT) throw new Error(`convex engine: ${file} has an unknown format (${header.format}).`);
    const content: SnapshotContent = { ...header, documents: [], blobs: [] };
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === "") continue;
      const line = JSON.parse(lines[i]!) as { d?: JSONValue; b?: [string, string] };
      if (line.d !== undefined) content.documents.push(line.d);
      else if (line.b !== undefined) content.blobs.push(line.b);
    }
    return content;
  }
  const legacy = path.join(dir, LEGACY_FILE);
  if (!existsSync(legacy)) return null;
  const old = JSON.parse(readFileSync(legacy, "utf8")) as LegacySnapshot;
  if (old.format !== 1) throw new Error(`convex engine: ${legacy} has an unknown format (${String(old.format)}).`);
  return {
    format: FORMAT,
    lsn: 0,
    ts: old.ts,
    nextDocId: old.nextDocId,
    lastCreationTime: old.lastCreationTime,
    extra: old.extra ?? {},
    documents: Object.values(old.documents),
    blobs: Object.entries(old.blobs),
  };
}

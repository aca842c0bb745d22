/**
 * An ordered index: documents sorted by a key (index fields + `_creationTime` + `_id`, so keys are
 * unique), compared with Convex's own `compareValues`. Stored as a list of sorted chunks, so a
 * lookup is two binary searches and an insert or delete moves at most one chunk's entries, not
 * the whole table's.
 */
import { compareValues, type Value } from "convex/values";
import type { StoredDocument } from "./internals";

/** A key component may be `undefined`: a missing field sorts first, as in Convex. */
export type IndexKey = (Value | undefined)[];
export type IndexEntry = { key: IndexKey; doc: StoredDocument };
/** A position between entries: chunk number and offset within it. */
export type Cursor = { chunk: number; offset: number };

const MAX_CHUNK = 512;

/**
 * `compareValues`, with fast paths for the common cases (ids and other strings, plain numbers):
 * Convex orders strings by UTF-8 bytes, i.e. by code point, which agrees with JavaScript's code
 * unit order except where a surrogate is involved; those, -0 and NaN take the exact path.
 */
function compareComponent(a: Value | undefined, b: Value | undefined): number {
  if (typeof a === "string" && typeof b === "string") {
    if (a === b) return 0;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x === y) continue;
      return x < 0xd800 && y < 0xd800 ? (x < y ? -1 : 1) : compareValues(a, b);
    }
    return a.length < b.length ? -1 : 1;
  }
  if (typeof a === "number" && typeof b === "number" && a !== 0 && b !== 0 && !Number.isNaN(a) && !Number.isNaN(b)) return a < b ? -1 : a > b ? 1 : 0;
  return compareValues(a, b);
}

/** Lexicographic on the first `prefix.length` components (all of them when lengths match). */
export function comparePrefix(key: IndexKey, prefix: IndexKey): number {
  const length = Math.min(key.length, prefix.length);
  for (let i = 0; i < length; i++) {
    const cmp = compareComponent(key[i], prefix[i]);
    if (cmp !== 0) return cmp;
  }
  return 0;
}

export class SortedIndex {
  private chunks: IndexEntry[][] = [];
  size = 0;

  /** Builds from entries in any order (one sort, then chunked). */
  static from(entries: IndexEntry[]): SortedIndex {
    const index = new SortedIndex();
    entries.sort((a, b) => comparePrefix(a.key, b.key));
    for (let i = 0; i < entries.length; i += MAX_CHUNK / 2) index.chunks.push(entries.slice(i, i + MAX_CHUNK / 2));
    index.size = entries.length;
    return index;
  }

  /**
   * The first position whose entry is not `before` (`before` must be true for a prefix of the
   * entries and false after it): the lower bound of a range.
   */
  boundary(before: (entry: IndexEntry) => boolean): Cursor {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const chunk = this.chunks[mid]!;
      if (before(chunk[chunk.length - 1]!)) low = mid + 1;
      else high = mid;
    }
    if (low === this.chunks.length) return { chunk: low, offset: 0 };
    const chunk = this.chunks[low]!;
    let from = 0;
    let to = chunk.length;
    while (from < to) {
      const mid = (from + to) >> 1;
      if (before(chunk[mid]!)) from = mid + 1;
      else to = mid;
    }
    return { chunk: low, offset: from };
  }

  /** Entries from `start` (inclusive) to `end` (exclusive), ascending or descending. */
  *range(start: Cursor, end: Cursor, order: "asc" | "desc"): Generator<IndexEntry> {
    if (order === "asc") {
      let { chunk, offset } = start;
      while (chunk < end.chunk || (chunk === end.chunk && offset < end.offset)) {
        const entries = this.chunks[chunk];
        if (entries === undefined) return;
        if (offset >= entries.length) {
          chunk += 1;
          offset = 0;
          continue;
        }
        yield entries[offset]!;
        offset += 1;
      }
      return;
    }
    let { chunk, offset } = end;
    while (chunk > start.chunk || (chunk === start.chunk && offset > start.offset)) {
      if (offset === 0) {
        chunk -= 1;
        offset = this.chunks[chunk]?.length ?? 0;
        continue;
      }
      yield this.chunks[chunk]![offset - 1]!;
      offset -= 1;
    }
  }

  insert(entry: IndexEntry): void {
    this.size += 1;
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      return;
    }
    const at = this.boundary((candidate) => comparePrefix(candidate.key, entry.key) < 0);
    // Past the last entry: append to the last chunk.
    const chunkIndex = Math.min(at.chunk, this.chunks.length - 1);
    const chunk = this.chunks[chunkIndex]!;
    chunk.splice(at.chunk === chunkIndex ? at.offset : chunk.length, 0, entry);
    if (chunk.length > MAX_CHUNK) this.chunks.splice(chunkIndex + 1, 0, chunk.splice(MAX_CHUNK / 2));
  }

  /** Removes the entry with exactly this key; false when there is none. */
  remove(key: IndexKey): boolean {
    const at = this.boundary((candidate) => comparePrefix(candidate.key, key) < 0);
    const chunk = this.chunks[at.chunk];
    if (chunk === undefined || at.offset >= chunk.length || comparePrefix(chunk[at.offset]!.key, key) !== 0) return false;
    chunk.splice(at.offset, 1);
    if (chunk.length === 0) this.chunks.splice(at.chunk, 1);
    this.size -= 1;
    return true;
  }
}

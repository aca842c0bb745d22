/**
 * The write-ahead log: committed transactions appended to segment files (`wal-<n>.log`), each
 * record framed as `u32 length | u32 crc32 | JSON`, so a record torn by a crash is recognised and
 * dropped. Group commit: records queue up while a write + fdatasync is in flight and go out
 * together in the next one; `durable()` resolves once everything appended so far is on disk.
 *
 * A record may be appended before its body is complete (a mutation's answer is known only after
 * its commit): it holds back itself and every later record until `complete` is called, so the
 * log is always written in commit order.
 */
import { closeSync, fdatasync, fsyncSync, openSync, readdirSync, readFileSync, truncateSync, writeSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";

const HEADER = 8;
const SEGMENT = /^wal-(\d{8})\.log$/;

export type LogBody = Record<string, unknown>;
type Queued = { lsn: number; body: LogBody; ready: boolean };
type Segment = { number: number; fd: number; bytes: number };

export const segmentName = (number: number) => `wal-${String(number).padStart(8, "0")}.log`;

/** Segment numbers present in `dir`, oldest first. */
export function listSegments(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => SEGMENT.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function encodeRecord(body: LogBody): Buffer {
  return encodeRecords([body]);
}

/** Framed records, back to back, in one buffer (one allocation per batch, no concatenation). */
export function encodeRecords(bodies: LogBody[]): Buffer {
  const payloads = bodies.map((body) => JSON.stringify(body));
  let size = 0;
  const lengths = payloads.map((payload) => {
    const length = Buffer.byteLength(payload, "utf8");
    size += HEADER + length;
    return length;
  });
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const [i, payload] of payloads.entries()) {
    const length = lengths[i]!;
    out.write(payload, offset + HEADER, length, "utf8");
    out.writeUInt32LE(length, offset);
    out.writeUInt32LE(crc32(out.subarray(offset + HEADER, offset + HEADER + length)), offset + 4);
    offset += HEADER + length;
  }
  return out;
}

/**
 * The whole records of one segment file, and the byte length they cover. Anything after them (a
 * short header, a short payload, a checksum mismatch) is a torn write.
 */
export function readSegment(file: string): { bodies: LogBody[]; validBytes: number; totalBytes: number } {
  const data = readFileSync(file);
  const bodies: LogBody[] = [];
  let offset = 0;
  while (offset + HEADER <= data.length) {
    const length = data.readUInt32LE(offset);
    const checksum = data.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (end > data.length) break;
    const payload = data.subarray(offset + HEADER, end);
    if (crc32(payload) !== checksum) break;
    bodies.push(JSON.parse(payload.toString("utf8")) as LogBody);
    offset = end;
  }
  return { bodies, validBytes: offset, totalBytes: data.length };
}

export function cutTornTail(file: string, validBytes: number): void {
  truncateSync(file, validBytes);
}

export function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Into the page cache, on the calling thread: a batch is a few kilobytes, and a thread-pool write
 * would cost a hand-off (and on a busy machine, context switches) per batch. Only the fdatasync,
 * which waits for the disk, goes to the thread pool.
 */
function writeAll(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

const syncData = (fd: number) => new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

export class WriteAheadLog {
  private queue: Queued[] = [];
  private nextLsn: number;
  private durableLsn: number;
  private segment: Segment;
  private writing = false;
  private failure: Error | null = null;
  private waiters: { lsn: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly retired: Segment[] = [];
  /** The write + fdatasync under way, if any. */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    segmentNumber: number,
    lastLsn: number,
  ) {
    this.nextLsn = lastLsn + 1;
    this.durableLsn = lastLsn;
    this.segment = this.openSegment(segmentNumber);
  }

  get lastLsn(): number {
    return this.nextLsn - 1;
  }

  get segmentNumber(): number {
    return this.segment.number;
  }

  get segmentBytes(): number {
    return this.segment.bytes;
  }

  private openSegment(number: number): Segment {
    const fd = openSync(path.join(this.dir, segmentName(number)), "a");
    fsyncDirectory(this.dir);
    return { number, fd, bytes: 0 };
  }

  /** Queues a record; `ready: false` holds it (and everything after it) until `complete`. */
  append(body: LogBody, ready = true): Queued {
    const lsn = this.nextLsn++;
    // Bodies are built for the log alone (persistence.ts), so the lsn is stamped on in place.
    body.lsn = lsn;
    const queued = { lsn, body, ready };
    this.queue.push(queued);
    if (ready) this.kick();
    return queued;
  }

  complete(queued: Queued, extra: LogBody = {}): void {
    Object.assign(queued.body, extra);
    queued.ready = true;
    this.kick();
  }

  /** Resolves when every record appended so far is on disk (rejects if the disk refused one). */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const lsn = this.lastLsn;
    if (this.durableLsn >= lsn) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ lsn, resolve, reject }));
  }

  /**
   * Later records go to a new segment; resolves with the numbers of the segments before it once
   * nothing is being written to them anymore (a compaction deletes them after its snapshot).
   */
  async rotate(): Promise<number[]> {
    this.retired.push(this.segment);
    this.segment = this.openSegment(this.segment.number + 1);
    // Only a batch already under way can still be writing to the old segment.
    await this.inFlight.catch(() => undefined);
    const numbers = this.retired.map((segment) => segment.number);
    for (const segment of this.retired.splice(0)) closeSync(segment.fd);
    return numbers;
  }

  /** Waits for what is queued and ready, then closes the current segment. */
  async close(): Promise<void> {
    await this.durable().catch(() => undefined);
    await this.inFlight.catch(() => undefined);
    for (const segment of [...this.retired.splice(0), this.segment]) closeSync(segment.fd);
  }

  private kick(): void {
    if (!this.writing) queueMicrotask(() => void this.drain());
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      for (;;) {
        let ready = 0;
        while (ready < this.queue.length && this.queue[ready]!.ready) ready += 1;
        if (ready === 0 || this.failure) break;
        const batch = this.queue.splice(0, ready);
        const bytes = encodeRecords(batch.map((queued) => queued.body));
        const segment = this.segment;
        writeAll(segment.fd, bytes);
        this.inFlight = syncData(segment.fd);
        await this.inFlight;
        segment.bytes += bytes.length;
        this.settle(batch[batch.length - 1]!.lsn);
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    } finally {
      this.writing = false;
    }
  }

  private settle(lsn: number): void {
    this.durableLsn = lsn;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.lsn <= lsn) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }
}

import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * `npm run bench` prints figures, never asserts them: a table per measurement on stdout, and the
 * same rows as JSON lines in test-results/bench.jsonl for comparing runs.
 */

const OUT = path.resolve(import.meta.dirname, "../../test-results/bench.jsonl");

export type BenchRow = Record<string, string | number>;

function table(rows: BenchRow[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => columns.map((column) => String(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join("  ");
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}

export async function report(title: string, rows: BenchRow[]): Promise<void> {
  process.stdout.write(`\n${title}\n${table(rows)}\n`);
  await mkdir(path.dirname(OUT), { recursive: true });
  const at = new Date().toISOString();
  await appendFile(OUT, rows.map((row) => JSON.stringify({ at, title, ...row })).join("\n") + "\n");
}

/** Milliseconds, rounded for reading. */
export const ms = (value: number) => Math.round(value * 100) / 100;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Wall time per call of `run`, `count` times in a row: mean, p50, p95, max. */
export async function timeEach(count: number, run: (i: number) => Promise<unknown>): Promise<BenchRow> {
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const mean = durations.reduce((sum, value) => sum + value, 0) / count;
  return { calls: count, meanMs: ms(mean), p50Ms: ms(percentile(durations, 50)), p95Ms: ms(percentile(durations, 95)), maxMs: ms(durations.at(-1) ?? 0) };
}

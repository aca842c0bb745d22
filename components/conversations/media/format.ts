import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

/** "850 B", "12 kB", "3,4 MB" in the reader's language. */
export function formatBytes(format: Formatter, bytes: number): string {
  // Intl's short "byte" unit reads "302 byte"; files are sized in B everywhere.
  if (bytes < 1024) return `${format.number(bytes)} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "kilobyte"] : [bytes / 1024 / 1024, "megabyte"];
  return format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: value < 10 ? 1 : 0 });
}

/** 75 → "1:15", as WhatsApp shows a recording's length. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

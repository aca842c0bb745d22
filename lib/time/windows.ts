import { fromZonedTime } from "date-fns-tz";

/** One local calendar day as a half-open UTC interval [start, end) in epoch ms. */
export type DayRange = { day: string; start: number; end: number };

/** Consecutive local days as a half-open UTC interval; `days` lists every local date in it. */
export type WindowRange = { firstDay: string; lastDay: string; start: number; end: number; days: string[] };

/** The dashboard's windows, in the order the UI offers them (convex validators are built from this). */
export const METRICS_WINDOWS = ["today", "week", "last30"] as const;
export type MetricsWindow = (typeof METRICS_WINDOWS)[number];

export function isMetricsWindow(value: unknown): value is MetricsWindow {
  return typeof value === "string" && (METRICS_WINDOWS as readonly string[]).includes(value);
}

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;

// Building an Intl.DateTimeFormat costs far more than using one, and localDayOf runs on every
// stored message, so keep one formatter per zone for the life of the isolate.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  try {
    // Pin calendar and digits so a runtime default locale can never change the output shape.
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
  } catch {
    throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)} (expected an IANA name such as "America/Sao_Paulo")`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

function assertInstant(at: number): void {
  if (!Number.isFinite(at)) throw new RangeError(`Invalid instant: ${at} (expected epoch milliseconds)`);
}

/** The UTC calendar date that `day` names; throws on anything but a real YYYY-MM-DD date. */
function parseDay(day: string): Date {
  const match = DAY_SHAPE.exec(day);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  if (match) date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!match || formatUtcDay(date) !== day) {
    throw new RangeError(`Invalid day: ${JSON.stringify(day)} (expected a real date as YYYY-MM-DD)`);
  }
  return date;
}

function formatUtcDay(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** The YYYY-MM-DD local date of instant `at` (UTC epoch ms) in an IANA time zone. */
export function localDayOf(timeZone: string, at: number): string {
  const formatter = formatterFor(timeZone);
  assertInstant(at);
  let year = "", month = "", day = "";
  for (const part of formatter.formatToParts(at)) {
    if (part.type === "year") year = part.value.padStart(4, "0");
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** Calendar arithmetic on YYYY-MM-DD; no time zone is involved, so every day counts as one. */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Invalid day count: ${n} (expected an integer)`);
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + n);
  return formatUtcDay(date);
}

/** The first instant whose local date is `day` (usually local midnight). */
function startOfLocalDay(timeZone: string, day: string): number {
  formatterFor(timeZone);
  parseDay(day);
  const guess = fromZonedTime(`${day}T00:00:00`, timeZone).getTime();
  const isFirstInstant = localDayOf(timeZone, guess) === day && localDayOf(timeZone, guess - 1) < day;
  if (isFirstInstant) return guess;
  // Midnight fell in a DST gap (Brazil until 2019, Havana, Santiago): date-fns-tz then answers
  // with an instant of the previous day. Bisect for the moment the local date turns over;
  // no zone has shifted its clock by 6 hours at once, so the bracket always holds it.
  let before = guess - 6 * HOUR_MS;
  let after = guess + 6 * HOUR_MS;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (localDayOf(timeZone, mid) >= day) after = mid;
    else before = mid;
  }
  return after;
}

/** The local day `day` in a time zone: 23, 23.5, 24 or 25 hours long, end exclusive. */
export function dayRange(timeZone: string, day: string): DayRange {
  return { day, start: startOfLocalDay(timeZone, day), end: startOfLocalDay(timeZone, addDays(day, 1)) };
}

/** The local day that contains instant `at`. */
export function localDayRange(timeZone: string, at: number): DayRange {
  return dayRange(timeZone, localDayOf(timeZone, at));
}

function spanOfDays(timeZone: string, firstDay: string, count: number): WindowRange {
  const days = Array.from({ length: count }, (_, i) => addDays(firstDay, i));
  const lastDay = days[days.length - 1];
  return {
    firstDay,
    lastDay,
    start: startOfLocalDay(timeZone, firstDay),
    end: startOfLocalDay(timeZone, addDays(lastDay, 1)),
    days,
  };
}

/** The local calendar week containing `at`; weeks start on Monday unless `weekStartsOn` is 0. */
export function localWeekRange(timeZone: string, at: number, weekStartsOn: 0 | 1 = 1): WindowRange {
  const today = localDayOf(timeZone, at);
  const sinceWeekStart = (parseDay(today).getUTCDay() - weekStartsOn + 7) % 7;
  return spanOfDays(timeZone, addDays(today, -sinceWeekStart), 7);
}

/** The `n` local days ending with, and including, the local day of `at`. */
export function lastNDaysRange(timeZone: string, at: number, n = 30): WindowRange {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid day count: ${n} (expected a positive integer)`);
  const today = localDayOf(timeZone, at);
  return spanOfDays(timeZone, addDays(today, -(n - 1)), n);
}

/** The metrics window of the given kind, as seen from instant `at` in the org's time zone. */
export function windowRange(timeZone: string, window: MetricsWindow, at: number): WindowRange {
  switch (window) {
    case "today":
      return spanOfDays(timeZone, localDayOf(timeZone, at), 1);
    case "week":
      return localWeekRange(timeZone, at);
    case "last30":
      return lastNDaysRange(timeZone, at, 30);
    default:
      throw new RangeError(`Unknown metrics window: ${JSON.stringify(window satisfies never)}`);
  }
}

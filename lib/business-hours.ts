import { formatInTimeZone, fromZonedTime } from "date-fns-tz";

/** Days of the week as JavaScript numbers them (`Date.getDay()`): 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval on a weekday, in the organization's local time, "HH:MM" (closes after opens). */
export interface OpeningInterval {
  day: Weekday;
  opens: string;
  closes: string;
}

/** A lunch break splits a day in two; three leaves room for a split shift, more is a typo. */
export const MAX_INTERVALS_PER_DAY = 3;

// "24:00" is only a closing time: open until midnight.
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_OF_DAY = "24:00";

/** Minutes since local midnight of "HH:MM" (or 1440 for "24:00"), null when it is no such time. */
export function minutesOf(time: string, { closing = false } = {}): number | null {
  if (closing && time === END_OF_DAY) return 24 * 60;
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export type HoursProblem =
  | { kind: "bad_day"; index: number }
  | { kind: "bad_time"; index: number }
  | { kind: "closes_before_opens"; index: number }
  | { kind: "overlap"; day: Weekday }
  | { kind: "too_many"; day: Weekday };

/** Why the week cannot be stored, first problem found; null when it can. Touching intervals are fine. */
export function hoursProblem(hours: readonly OpeningInterval[]): HoursProblem | null {
  for (const [index, interval] of hours.entries()) {
    if (!(WEEKDAYS as readonly number[]).includes(interval.day)) return { kind: "bad_day", index };
    const opens = minutesOf(interval.opens);
    const closes = minutesOf(interval.closes, { closing: true });
    if (opens === null || closes === null) return { kind: "bad_time", index };
    if (closes <= opens) return { kind: "closes_before_opens", index };
  }
  for (const day of WEEKDAYS) {
    const ofDay = normalizeHours(hours).filter((interval) => interval.day === day);
    if (ofDay.length > MAX_INTERVALS_PER_DAY) return { kind: "too_many", day };
    for (let i = 1; i < ofDay.length; i++) {
      if (minutesOf(ofDay[i].opens)! < minutesOf(ofDay[i - 1].closes, { closing: true })!) return { kind: "overlap", day };
    }
  }
  return null;
}

/** The week in a stable order: by day (Sunday first, as stored), then by opening time. */
export function normalizeHours(hours: readonly OpeningInterval[]): OpeningInterval[] {
  return [...hours]
    .map(({ day, opens, closes }) => ({ day, opens, closes }))
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
}

/** Weekday and minutes since midnight of an instant, on the wall clock of `timeZone`. */
export function localClock(instant: number, timeZone: string): { date: string; day: Weekday; minutes: number } {
  const [date, isoDay, hh, mm] = formatInTimeZone(instant, timeZone, "yyyy-MM-dd i HH mm").split(" ");
  return { date, day: (Number(isoDay) % 7) as Weekday, minutes: Number(hh) * 60 + Number(mm) };
}

/** The intervals of one weekday, in order. */
const intervalsOn = (hours: readonly OpeningInterval[], day: Weekday) => normalizeHours(hours).filter((interval) => interval.day === day);

/** Whether the team is open at `instant`: intervals are wall-clock times in the org's zone, so DST moves them with the clock. */
export function isOpenAt(hours: readonly OpeningInterval[], timeZone: string, instant: number): boolean {
  const clock = localClock(instant, timeZone);
  return intervalsOn(hours, clock.day).some(
    (interval) => minutesOf(interval.opens)! <= clock.minutes && clock.minutes < minutesOf(interval.closes, { closing: true })!,
  );
}

function addDays(date: string, days: number): { date: string; day: Weekday } {
  const utc = new Date(`${date}T12:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return { date: utc.toISOString().slice(0, 10), day: utc.getUTCDay() as Weekday };
}

const MINUTE_MS = 60_000;

/**
 * The instant a wall-clock time happens in `timeZone`. A repeated time (DST ends) is its first
 * occurrence; a time the clock skips (DST starts) moves forward by the gap, as clocks do: 00:30 on a
 * day that jumps from 00:00 to 01:00 is 01:30. (date-fns-tz alone would answer a moment of the day before.)
 */
export function instantOfWallTime(date: string, time: string, timeZone: string): number {
  const guess = fromZonedTime(`${date}T${time}:00`, timeZone).getTime();
  const shown = localClock(guess, timeZone);
  const dayShift = shown.date === date ? 0 : shown.date < date ? 1 : -1;
  const missing = dayShift * 24 * 60 + minutesOf(time)! - shown.minutes;
  return guess + missing * MINUTE_MS;
}

/**
 * The next instant the team opens, strictly after `instant`; null when no day has hours. A local
 * time the clock skips (a DST gap at 00:00) resolves to the first moment that exists after it.
 */
export function nextOpeningAfter(hours: readonly OpeningInterval[], timeZone: string, instant: number): number | null {
  const today = localClock(instant, timeZone).date;
  // Eight days: today's later intervals, six more days, and the same weekday a week on.
  for (let offset = 0; offset <= 7; offset++) {
    const { date, day } = addDays(today, offset);
    for (const interval of intervalsOn(hours, day)) {
      const opensAt = instantOfWallTime(date, interval.opens, timeZone);
      if (opensAt > instant) return opensAt;
    }
  }
  return null;
}

export type OpeningStatus = { open: true } | { open: false; opensAt: number | null };

/** Open now, or closed and when it opens again; null when the organization never set its hours. */
export function openingStatus(hours: readonly OpeningInterval[] | undefined, timeZone: string, instant: number): OpeningStatus | null {
  if (hours === undefined || hours.length === 0) return null;
  if (isOpenAt(hours, timeZone, instant)) return { open: true };
  return { open: false, opensAt: nextOpeningAfter(hours, timeZone, instant) };
}



/** Whether two weeks open at the same times (order and absent/empty aside). */
export function sameHours(a: readonly OpeningInterval[] | undefined, b: readonly OpeningInterval[] | undefined): boolean {
  const key = (hours: readonly OpeningInterval[] | undefined) => normalizeHours(hours ?? []).map((i) => `${i.day} ${i.opens}-${i.closes}`).join(",");
  return key(a) === key(b);
}

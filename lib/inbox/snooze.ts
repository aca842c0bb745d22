import { fromZonedTime } from "date-fns-tz";
import { addDays, localDayOf } from "../time/windows";

/** The snooze choices the conversation header offers; times are wall-clock times in the org's zone. */
export const SNOOZE_PRESETS = ["hour", "tomorrow", "nextMonday", "customerReply", "custom"] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

const HOUR_MS = 60 * 60 * 1000;
const MORNING = "09:00:00";

/** `day` at 09:00 in the zone, as an instant. */
function morningOf(timeZone: string, day: string): number {
  return fromZonedTime(`${day}T${MORNING}`, timeZone).getTime();
}

/** Monday 09:00 after today (a week on, when today is Monday). */
function nextMondayMorning(timeZone: string, now: number): number {
  const today = localDayOf(timeZone, now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const daysAhead = ((8 - weekday) % 7) || 7;
  return morningOf(timeZone, addDays(today, daysAhead));
}

/**
 * When a preset wakes the conversation up: an instant, or undefined for "until the customer replies".
 * `custom` reads a `datetime-local` value ("2026-03-04T14:30") as wall-clock time in the org's zone.
 */
export function snoozeUntil(preset: SnoozePreset, timeZone: string, now: number, custom?: string): number | undefined {
  switch (preset) {
    case "hour":
      return now + HOUR_MS;
    case "tomorrow":
      return morningOf(timeZone, addDays(localDayOf(timeZone, now), 1));
    case "nextMonday":
      return nextMondayMorning(timeZone, now);
    case "customerReply":
      return undefined;
    case "custom":
      return custom ? fromZonedTime(custom.length === 16 ? `${custom}:00` : custom, timeZone).getTime() : Number.NaN;
  }
}

/**
 * When a cron job of convex/crons.ts runs next. Every calendar schedule Convex offers (hourly,
 * daily, weekly, monthly, cron strings) becomes a 5-field UTC cron expression; intervals count
 * from the engine's start.
 */

/** As `cronJobs()` stores it (convex/server/cron.js). */
export type CronSchedule =
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number }
  | { type: "cron"; cron: string };

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MINUTE_MS = 60_000;
/** Long enough to reach any valid expression (Feb 29 included); a bound against endless loops. */
const SEARCH_LIMIT_MS = 5 * 366 * 24 * 60 * MINUTE_MS;

type Field = { values: Set<number>; restricted: boolean };
type Expression = { minute: Field; hour: Field; day: Field; month: Field; weekday: Field };

function parseField(text: string, min: number, max: number): Field {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] = range === "*" ? [min, max] : range.includes("-") ? range.split("-").map(Number) : [Number(range), stepText ? max : Number(range)];
    if (![step, from, to].every(Number.isInteger) || step < 1 || from < min || to > max) {
      throw new Error(`invalid cron field "${text}"`);
    }
    for (let value = from; value <= to; value += step) values.add(value === 7 && max === 7 ? 0 : value);
  }
  return { values, restricted: text !== "*" };
}

export function parseCron(expression: string): Expression {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}" needs 5 fields (minute hour day month weekday)`);
  const [minute, hour, day, month, weekday] = fields;
  return {
    minute: parseField(minute, 0, 59),
    hour: parseField(hour, 0, 23),
    day: parseField(day, 1, 31),
    month: parseField(month, 1, 12),
    weekday: parseField(weekday, 0, 7),
  };
}

function dayMatches(expression: Expression, date: Date): boolean {
  const { day, weekday } = expression;
  const byDay = day.values.has(date.getUTCDate());
  const byWeekday = weekday.values.has(date.getUTCDay());
  // Standard cron: when both are restricted, either one matching is enough.
  if (day.restricted && weekday.restricted) return byDay || byWeekday;
  return byDay && byWeekday;
}

/** The first matching minute strictly after `after` (ms), or null when none within five years. */
export function nextCronTime(expression: Expression, after: number): number | null {
  const date = new Date(Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
  while (date.getTime() - after < SEARCH_LIMIT_MS) {
    if (!expression.month.values.has(date.getUTCMonth() + 1)) {
      date.setUTCMonth(date.getUTCMonth() + 1, 1);
      date.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(expression, date)) {
      date.setUTCDate(date.getUTCDate() + 1);
      date.setUTCHours(0, 0, 0, 0);
    } else if (!expression.hour.values.has(date.getUTCHours())) {
      date.setUTCHours(date.getUTCHours() + 1, 0, 0, 0);
    } else if (!expression.minute.values.has(date.getUTCMinutes())) {
      date.setTime(date.getTime() + MINUTE_MS);
    } else {
      return date.getTime();
    }
  }
  return null;
}

function intervalMs(schedule: Extract<CronSchedule, { type: "interval" }>): number {
  return ((schedule.seconds ?? 0) + (schedule.minutes ?? 0) * 60 + (schedule.hours ?? 0) * 3600) * 1000;
}

/** The calendar schedules as cron strings. */
function asCronString(schedule: Exclude<CronSchedule, { type: "interval" }>): string {
  switch (schedule.type) {
    case "hourly":
      return `${schedule.minuteUTC ?? 0} * * * *`;
    case "daily":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * *`;
    case "weekly":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * ${DAYS.indexOf(schedule.dayOfWeek)}`;
    case "monthly":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} ${schedule.day} * *`;
    case "cron":
      return schedule.cron;
  }
}

/** A function answering the next run time (ms) after a given time, or null for never. */
export function nextRunFinder(schedule: CronSchedule): (after: number) => number | null {
  if (schedule.type === "interval") {
    const every = intervalMs(schedule);
    return (after) => after + every;
  }
  const expression = parseCron(asCronString(schedule));
  return (after) => nextCronTime(expression, after);
}

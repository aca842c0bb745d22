import { minutesOf, normalizeHours, WEEKDAYS, type OpeningInterval, type Weekday } from "@/lib/business-hours";

/** The hours editor's state: every weekday, open or closed, with the intervals it shows. Pure. */

export type IntervalDraft = { opens: string; closes: string };
export type DayDraft = { open: boolean; intervals: IntervalDraft[] };
export type WeekDraft = Record<Weekday, DayDraft>;

// What a day offers when it is switched open: a plain office day.
const TYPICAL_DAY: IntervalDraft = { opens: "09:00", closes: "18:00" };

/** The week a salesperson reads: Monday first, Sunday last. */
export const EDITOR_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const WORKDAYS: readonly Weekday[] = [2, 3, 4, 5];

export function draftFromHours(hours: readonly OpeningInterval[] | null): WeekDraft {
  const sorted = normalizeHours(hours ?? []);
  const entries = WEEKDAYS.map((day) => {
    const intervals = sorted.filter((interval) => interval.day === day).map(({ opens, closes }) => ({ opens, closes }));
    return [day, intervals.length > 0 ? { open: true, intervals } : { open: false, intervals: [{ ...TYPICAL_DAY }] }];
  });
  return Object.fromEntries(entries) as WeekDraft;
}

/** What is saved: the intervals of open days (a closed day's intervals are kept only on screen). */
export function hoursFromDraft(draft: WeekDraft): OpeningInterval[] {
  return WEEKDAYS.flatMap((day) => (draft[day].open ? draft[day].intervals.map((interval) => ({ day, ...interval })) : []));
}

/** Tuesday to Friday take Monday's hours (open or closed). */
export function copyMondayToWeekdays(draft: WeekDraft): WeekDraft {
  const monday = draft[1];
  const copies = Object.fromEntries(WORKDAYS.map((day) => [day, { open: monday.open, intervals: monday.intervals.map((i) => ({ ...i })) }]));
  return { ...draft, ...copies };
}

export function updateDay(draft: WeekDraft, day: Weekday, change: (current: DayDraft) => DayDraft): WeekDraft {
  return { ...draft, [day]: change(draft[day]) };
}

const asTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The interval "add" offers: an hour after the day's last one closes, two hours long, within the day. */
export function nextIntervalAfter(intervals: readonly IntervalDraft[]): IntervalDraft {
  const lastCloses = minutesOf(intervals.at(-1)?.closes ?? "", { closing: true }) ?? 12 * 60;
  const opens = Math.min(lastCloses + 60, 22 * 60);
  return { opens: asTime(opens), closes: asTime(Math.min(opens + 120, 23 * 60 + 59)) };
}

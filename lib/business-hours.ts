/** Days of the week as JavaScript numbers them (`Date.getDay()`): 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval on a weekday, in the organization's local time, "HH:MM" (closes after opens). */
export interface OpeningInterval {
  day: Weekday;
  opens: string;
  closes: string;
}

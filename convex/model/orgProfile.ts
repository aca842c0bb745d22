import { hoursProblem, normalizeHours, type HoursProblem, type OpeningInterval } from "../../lib/business-hours";
import { fail } from "../lib/errors";

const PROBLEM_MESSAGES: Record<HoursProblem["kind"], string> = {
  bad_day: "Days are numbered 0 (Sunday) to 6 (Saturday).",
  bad_time: 'Times are written "HH:MM" (24 hours); only a closing time may be "24:00".',
  closes_before_opens: "Each interval must close after it opens.",
  overlap: "Two intervals of the same day overlap.",
  too_many: "A day has at most 3 intervals.",
};

/** The week as stored: sorted, or undefined when no day is open; refuses a week that cannot be. */
export function businessHoursX(hours: OpeningInterval[]): OpeningInterval[] | undefined {
  const problem = hoursProblem(hours);
  if (problem !== null) fail("INVALID_ARGUMENT", PROBLEM_MESSAGES[problem.kind]);
  return hours.length === 0 ? undefined : normalizeHours(hours);
}

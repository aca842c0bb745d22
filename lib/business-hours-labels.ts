import { localClock, minutesOf, normalizeHours, type OpeningInterval, type Weekday } from "./business-hours";
import type { Language } from "./spin/types";

/**
 * Business hours as a customer or a salesperson reads them, in the bot's two languages: "segunda às
 * 09:00" for the next opening, "Segunda a sexta, 09:00–18:00; sábado, 09:00–13:00" for the week. Pure.
 */

const WEEKDAY_NAMES: Record<Language, readonly string[]> = {
  pt: ["domingo", "segunda", "terça", "quarta", "quinta", "sexta", "sábado"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

const WORDS = {
  pt: { today: "hoje", tomorrow: "amanhã", at: "às", next: (day: string) => `${day} que vem`, to: "a", and: "e", closed: "fechado" },
  en: { today: "today", tomorrow: "tomorrow", at: "at", next: (day: string) => `next ${day}`, to: "to", and: "and", closed: "closed" },
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

/** A wall-clock time as each language writes it: "18:30" in Portuguese, "6:30 PM" in English. */
function clockTime(minutes: number, language: Language): string {
  const hours = Math.floor(minutes / 60) % 24;
  const mm = String(minutes % 60).padStart(2, "0");
  if (language === "pt") return `${String(hours).padStart(2, "0")}:${mm}`;
  return `${hours % 12 === 0 ? 12 : hours % 12}:${mm} ${hours < 12 ? "AM" : "PM"}`;
}

/** When the team opens, seen from `now`: "hoje às 14:00", "amanhã às 09:00", "segunda às 09:00". */
export function openingLabel(opensAt: number, now: number, timeZone: string, language: Language): string {
  const words = WORDS[language];
  const opening = localClock(opensAt, timeZone);
  const days = daysBetween(localClock(now, timeZone).date, opening.date);
  const weekday = WEEKDAY_NAMES[language][opening.day];
  const when = days <= 0 ? words.today : days === 1 ? words.tomorrow : days < 7 ? weekday : words.next(weekday);
  return `${when} ${words.at} ${clockTime(opening.minutes, language)}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// The week a customer reads starts on Monday.
const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

function dayHours(hours: OpeningInterval[], day: Weekday, language: Language): string {
  const time = (hhmm: string, closing = false) => clockTime(minutesOf(hhmm, { closing })!, language);
  const ofDay = hours.filter((interval) => interval.day === day).map((interval) => `${time(interval.opens)}–${time(interval.closes, true)}`);
  if (ofDay.length === 0) return WORDS[language].closed;
  return ofDay.length === 1 ? ofDay[0] : `${ofDay.slice(0, -1).join(", ")} ${WORDS[language].and} ${ofDay.at(-1)}`;
}

/** The whole week, consecutive days with the same hours together; "" when no day has hours. */
export function weekSummary(hours: readonly OpeningInterval[], language: Language): string {
  const sorted = normalizeHours(hours);
  if (sorted.length === 0) return "";
  const names = WEEKDAY_NAMES[language];
  const groups: { first: Weekday; last: Weekday; count: number; text: string }[] = [];
  for (const day of WEEK_ORDER) {
    const text = dayHours(sorted, day, language);
    const previous = groups.at(-1);
    if (previous && previous.text === text) Object.assign(previous, { last: day, count: previous.count + 1 });
    else groups.push({ first: day, last: day, count: 1, text });
  }
  const parts = groups.map(({ first, last, count, text }) => {
    // "sábado e domingo", but "segunda a sexta".
    const joiner = count === 2 ? WORDS[language].and : WORDS[language].to;
    const days = count === 1 ? names[first] : `${names[first]} ${joiner} ${names[last]}`;
    return `${days}, ${text}`;
  });
  return `${capitalize(parts.join("; "))}.`;
}

import { describe, expect, test } from "vitest";
import { openingLabel, weekSummary } from "../../lib/business-hours-labels";
import {
  hoursProblem,
  instantOfWallTime,
  isOpenAt,
  nextOpeningAfter,
  normalizeHours,
  openingStatus,
  type OpeningInterval,
  type Weekday,
} from "../../lib/business-hours";

const SAO_PAULO = "America/Sao_Paulo";
const NEW_YORK = "America/New_York";

const at = (iso: string) => Date.parse(iso);
const interval = (day: Weekday, opens: string, closes: string): OpeningInterval => ({ day, opens, closes });
const weekdays = (opens: string, closes: string) => ([1, 2, 3, 4, 5] as Weekday[]).map((day) => interval(day, opens, closes));

describe("hoursProblem", () => {
  test("accepts a week with a lunch break and a closed Sunday", () => {
    expect(hoursProblem([...weekdays("09:00", "12:00"), ...weekdays("13:00", "18:00"), interval(6, "09:00", "13:00")])).toBeNull();
  });

  test("accepts an interval that runs until midnight", () => {
    expect(hoursProblem([interval(5, "18:00", "24:00")])).toBeNull();
  });

  test("accepts two intervals that touch", () => {
    expect(hoursProblem([interval(1, "09:00", "12:00"), interval(1, "12:00", "18:00")])).toBeNull();
  });

  test.each(["9:00", "09:60", "24:00", "25:00", "0900", "", "09:00 "])("refuses %j as an opening time", (opens) => {
    expect(hoursProblem([interval(1, opens, "18:00")])).toEqual({ kind: "bad_time", index: 0 });
  });

  test("refuses a closing time that is not after the opening time", () => {
    expect(hoursProblem([interval(1, "18:00", "18:00")])).toEqual({ kind: "closes_before_opens", index: 0 });
    expect(hoursProblem([interval(1, "18:00", "09:00")])).toEqual({ kind: "closes_before_opens", index: 0 });
  });

  test("refuses overlapping intervals on the same day, whatever their order", () => {
    expect(hoursProblem([interval(2, "13:00", "18:00"), interval(2, "09:00", "13:30")])).toEqual({ kind: "overlap", day: 2 });
  });

  test("allows the same hours on different days", () => {
    expect(hoursProblem([interval(2, "09:00", "18:00"), interval(3, "09:00", "18:00")])).toBeNull();
  });

  test("refuses a fourth interval on one day", () => {
    const day = [interval(1, "08:00", "09:00"), interval(1, "10:00", "11:00"), interval(1, "12:00", "13:00"), interval(1, "14:00", "15:00")];
    expect(hoursProblem(day)).toEqual({ kind: "too_many", day: 1 });
  });

  test("refuses a day outside 0..6", () => {
    expect(hoursProblem([{ day: 7 as Weekday, opens: "09:00", closes: "10:00" }])).toEqual({ kind: "bad_day", index: 0 });
  });
});

describe("normalizeHours", () => {
  test("sorts by day, then by opening time", () => {
    const sorted = normalizeHours([interval(3, "13:00", "18:00"), interval(1, "09:00", "12:00"), interval(3, "08:00", "12:00")]);
    expect(sorted).toEqual([interval(1, "09:00", "12:00"), interval(3, "08:00", "12:00"), interval(3, "13:00", "18:00")]);
  });
});

describe("isOpenAt", () => {
  const hours = [...weekdays("09:00", "12:00"), ...weekdays("13:00", "18:00")];

  test("is open at 09:00 sharp and closed at 18:00 sharp, in the org's zone", () => {
    // Wednesday 2024-05-15, São Paulo is UTC-3.
    expect(isOpenAt(hours, SAO_PAULO, at("2024-05-15T12:00:00Z"))).toBe(true);
    expect(isOpenAt(hours, SAO_PAULO, at("2024-05-15T11:59:00Z"))).toBe(false);
    expect(isOpenAt(hours, SAO_PAULO, at("2024-05-15T21:00:00Z"))).toBe(false);
  });

  test("is closed during the lunch break", () => {
    expect(isOpenAt(hours, SAO_PAULO, at("2024-05-15T15:30:00Z"))).toBe(false);
  });

  test("reads the weekday in the org's zone, not in UTC", () => {
    const fridayNight = [interval(5, "20:00", "24:00")];
    // Saturday 01:30 UTC is still Friday 22:30 in São Paulo.
    expect(isOpenAt(fridayNight, SAO_PAULO, at("2024-05-18T01:30:00Z"))).toBe(true);
    // Friday 22:30 UTC is Friday 19:30 there: not yet open.
    expect(isOpenAt(fridayNight, SAO_PAULO, at("2024-05-17T22:30:00Z"))).toBe(false);
  });

  test("keeps local wall-clock hours across São Paulo's 2018 summer time", () => {
    // Before 2018-11-04 São Paulo was UTC-3; from then until 2019-02-17, UTC-2.
    const monday = [interval(1, "09:00", "18:00")];
    expect(isOpenAt(monday, SAO_PAULO, at("2018-10-29T12:00:00Z"))).toBe(true); // 09:00 UTC-3
    expect(isOpenAt(monday, SAO_PAULO, at("2018-11-05T11:00:00Z"))).toBe(true); // 09:00 UTC-2
    expect(isOpenAt(monday, SAO_PAULO, at("2018-11-05T10:59:00Z"))).toBe(false); // 08:59 UTC-2
  });

  test("keeps local wall-clock hours across New York's DST change", () => {
    const monday = [interval(1, "09:00", "17:00")];
    expect(isOpenAt(monday, NEW_YORK, at("2024-03-04T14:00:00Z"))).toBe(true); // 09:00 EST
    expect(isOpenAt(monday, NEW_YORK, at("2024-03-11T13:00:00Z"))).toBe(true); // 09:00 EDT
    expect(isOpenAt(monday, NEW_YORK, at("2024-03-11T21:00:00Z"))).toBe(false); // 17:00 EDT
  });
});

describe("instantOfWallTime", () => {
  test("moves a time the clock skips forward by the gap (São Paulo, 2018-11-04 00:00 → 01:00)", () => {
    expect(instantOfWallTime("2018-11-04", "00:00", SAO_PAULO)).toBe(at("2018-11-04T03:00:00Z"));
    expect(instantOfWallTime("2018-11-04", "00:30", SAO_PAULO)).toBe(at("2018-11-04T03:30:00Z"));
  });

  test("moves New York's skipped 02:30 to 03:30 EDT", () => {
    expect(instantOfWallTime("2024-03-10", "02:30", NEW_YORK)).toBe(at("2024-03-10T07:30:00Z"));
  });

  test("takes the first of a repeated hour (New York, 2024-11-03 01:30)", () => {
    expect(instantOfWallTime("2024-11-03", "01:30", NEW_YORK)).toBe(at("2024-11-03T05:30:00Z"));
  });

  test("takes the first of São Paulo's repeated 23:30 when summer time ended in 2019", () => {
    expect(instantOfWallTime("2019-02-16", "23:30", SAO_PAULO)).toBe(at("2019-02-17T01:30:00Z"));
  });
});

describe("nextOpeningAfter", () => {
  const hours = [...weekdays("09:00", "12:00"), ...weekdays("13:00", "18:00")];

  test("opens after lunch on the same day", () => {
    expect(nextOpeningAfter(hours, SAO_PAULO, at("2024-05-15T15:30:00Z"))).toBe(at("2024-05-15T16:00:00Z"));
  });

  test("skips the weekend: Friday evening opens on Monday at 09:00", () => {
    expect(nextOpeningAfter(hours, SAO_PAULO, at("2024-05-17T22:00:00Z"))).toBe(at("2024-05-20T12:00:00Z"));
  });

  test("finds the same weekday a week on when it is the only open day", () => {
    const mondays = [interval(1, "09:00", "10:00")];
    // Monday 2024-05-20 at 11:00 São Paulo: the next Monday.
    expect(nextOpeningAfter(mondays, SAO_PAULO, at("2024-05-20T14:00:00Z"))).toBe(at("2024-05-27T12:00:00Z"));
  });

  test("counts the new offset when summer time starts in between (São Paulo, November 2018)", () => {
    // Saturday 2018-11-03 20:00 UTC-3; Monday 09:00 is then UTC-2.
    expect(nextOpeningAfter([interval(1, "09:00", "18:00")], SAO_PAULO, at("2018-11-03T23:00:00Z"))).toBe(at("2018-11-05T11:00:00Z"));
  });

  test("opens at the end of the gap when the opening time does not exist that day", () => {
    // Sunday 2018-11-04 had no 00:00 in São Paulo; the clock went straight to 01:00.
    expect(nextOpeningAfter([interval(0, "00:00", "06:00")], SAO_PAULO, at("2018-11-04T01:00:00Z"))).toBe(at("2018-11-04T03:00:00Z"));
  });

  test("counts New York's clock change in the weekend", () => {
    // Friday 2024-03-08 18:00 EST; Monday 09:00 is EDT.
    expect(nextOpeningAfter(hours, NEW_YORK, at("2024-03-08T23:00:00Z"))).toBe(at("2024-03-11T13:00:00Z"));
  });

  test("is null when no day has hours", () => {
    expect(nextOpeningAfter([], SAO_PAULO, at("2024-05-15T12:00:00Z"))).toBeNull();
  });
});

describe("openingStatus", () => {
  test("is null when the organization never set its hours", () => {
    expect(openingStatus(undefined, SAO_PAULO, at("2024-05-15T12:00:00Z"))).toBeNull();
  });

  test("says open or closed with the next opening", () => {
    const hours = weekdays("09:00", "18:00");
    expect(openingStatus(hours, SAO_PAULO, at("2024-05-15T12:00:00Z"))).toEqual({ open: true });
    expect(openingStatus(hours, SAO_PAULO, at("2024-05-15T22:00:00Z"))).toEqual({ open: false, opensAt: at("2024-05-16T12:00:00Z") });
  });
});

describe("openingLabel", () => {
  const now = at("2024-05-17T22:00:00Z"); // Friday 19:00 in São Paulo

  test("names the weekday in Portuguese and English", () => {
    expect(openingLabel(at("2024-05-20T12:00:00Z"), now, SAO_PAULO, "pt")).toBe("segunda às 09:00");
    expect(openingLabel(at("2024-05-20T12:00:00Z"), now, SAO_PAULO, "en")).toBe("Monday at 9:00 AM");
  });

  test("says today and tomorrow by the org's calendar", () => {
    expect(openingLabel(at("2024-05-17T23:30:00Z"), now, SAO_PAULO, "pt")).toBe("hoje às 20:30");
    expect(openingLabel(at("2024-05-18T12:00:00Z"), now, SAO_PAULO, "en")).toBe("tomorrow at 9:00 AM");
  });

  test("says 'next' for the same weekday a week on", () => {
    expect(openingLabel(at("2024-05-24T12:00:00Z"), now, SAO_PAULO, "pt")).toBe("sexta que vem às 09:00");
  });
});

describe("weekSummary", () => {
  test("groups consecutive days with the same hours, Monday first", () => {
    const hours = [...weekdays("09:00", "12:00"), ...weekdays("13:00", "18:00"), interval(6, "09:00", "13:00")];
    expect(weekSummary(hours, "pt")).toBe("Segunda a sexta, 09:00–12:00 e 13:00–18:00; sábado, 09:00–13:00; domingo, fechado.");
    expect(weekSummary(hours, "en")).toBe("Monday to Friday, 9:00 AM–12:00 PM and 1:00 PM–6:00 PM; Saturday, 9:00 AM–1:00 PM; Sunday, closed.");
  });

  test("joins two days with 'e' and a longer run with 'a'", () => {
    expect(weekSummary(weekdays("09:00", "18:00"), "pt")).toBe("Segunda a sexta, 09:00–18:00; sábado e domingo, fechado.");
  });

  test("is empty when no day has hours", () => {
    expect(weekSummary([], "pt")).toBe("");
  });
});

import { describe, expect, test } from "vitest";
import {
  addDays,
  dayRange,
  lastNDaysRange,
  localDayOf,
  localDayRange,
  localWeekRange,
  windowRange,
} from "../../lib/time/windows";

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const hours = (range: { start: number; end: number }) => (range.end - range.start) / HOUR;

describe("localDayOf", () => {
  test("counts a message sent at 23:30 in São Paulo (02:30 UTC the next day) for the local day", () => {
    expect(localDayOf("America/Sao_Paulo", utc("2026-03-11T02:30:00Z"))).toBe("2026-03-10");
  });

  test("puts the first minutes after local midnight in the new day", () => {
    expect(localDayOf("America/New_York", utc("2026-06-15T04:00:00Z"))).toBe("2026-06-15");
    expect(localDayOf("America/New_York", utc("2026-06-15T04:01:00Z"))).toBe("2026-06-15");
  });

  test("keeps the last millisecond before local midnight in the old day", () => {
    expect(localDayOf("America/New_York", utc("2026-06-15T04:00:00Z") - 1)).toBe("2026-06-14");
  });

  test("refuses an unknown time zone with a RangeError", () => {
    expect(() => localDayOf("Mars/Olympus", 0)).toThrow(RangeError);
    expect(() => localDayOf("Mars/Olympus", 0)).toThrow(/time zone/);
  });

  test("refuses an instant that is not a finite number", () => {
    expect(() => localDayOf("UTC", Number.NaN)).toThrow(RangeError);
  });
});

describe("localDayRange", () => {
  test("spans São Paulo's local day that contains a late-evening message", () => {
    const at = utc("2026-03-11T02:30:00Z");
    expect(localDayRange("America/Sao_Paulo", at)).toEqual({
      day: "2026-03-10",
      start: utc("2026-03-10T03:00:00Z"),
      end: utc("2026-03-11T03:00:00Z"),
    });
  });

  test("ends exclusively: the end instant already belongs to the next day", () => {
    const range = localDayRange("America/New_York", utc("2026-06-15T12:00:00Z"));
    expect(localDayOf("America/New_York", range.end - 1)).toBe("2026-06-15");
    expect(localDayOf("America/New_York", range.end)).toBe("2026-06-16");
  });

  test("contains every sampled instant of a DST year in its own local day", () => {
    // An odd step (5 h 17 min) lands on every minute-of-hour, half-hour offsets included, in few calls.
    const step = 5 * HOUR + 17 * 60_000;
    const misplaced: string[] = [];
    for (const zone of ["America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo"]) {
      for (let at = utc("2018-01-01T00:00:00Z"); at < utc("2019-01-01T00:00:00Z"); at += step) {
        const range = localDayRange(zone, at);
        if (!(range.start <= at && at < range.end)) misplaced.push(`${zone} ${new Date(at).toISOString()}`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});

describe("dayRange", () => {
  test("makes New York's spring-forward day (2026-03-08) 23 hours long", () => {
    const range = dayRange("America/New_York", "2026-03-08");
    expect(range.start).toBe(utc("2026-03-08T05:00:00Z"));
    expect(range.end).toBe(utc("2026-03-09T04:00:00Z"));
    expect(hours(range)).toBe(23);
  });

  test("makes New York's fall-back day (2026-11-01) 25 hours long", () => {
    const range = dayRange("America/New_York", "2026-11-01");
    expect(range.start).toBe(utc("2026-11-01T04:00:00Z"));
    expect(range.end).toBe(utc("2026-11-02T05:00:00Z"));
    expect(hours(range)).toBe(25);
  });

  test("starts Kolkata's day (+05:30) at 18:30 UTC the evening before", () => {
    const range = dayRange("Asia/Kolkata", "2026-05-15");
    expect(range.start).toBe(utc("2026-05-14T18:30:00Z"));
    expect(range.end).toBe(utc("2026-05-15T18:30:00Z"));
  });

  test("starts Kathmandu's day (+05:45) at 18:15 UTC the evening before", () => {
    const range = dayRange("Asia/Kathmandu", "2026-05-15");
    expect(range.start).toBe(utc("2026-05-14T18:15:00Z"));
    expect(range.end).toBe(utc("2026-05-15T18:15:00Z"));
  });

  test("makes Lord Howe's half-hour spring-forward day (2026-10-04) 23.5 hours long", () => {
    const range = dayRange("Australia/Lord_Howe", "2026-10-04");
    expect(range.start).toBe(utc("2026-10-03T13:30:00Z"));
    expect(range.end).toBe(utc("2026-10-04T13:00:00Z"));
    expect(hours(range)).toBe(23.5);
  });

  test("makes Lord Howe's half-hour fall-back day (2026-04-05) 24.5 hours long", () => {
    expect(hours(dayRange("Australia/Lord_Howe", "2026-04-05"))).toBe(24.5);
  });

  test("starts São Paulo's 2018-11-04, when midnight did not exist, at 01:00 local (03:00 UTC)", () => {
    const range = dayRange("America/Sao_Paulo", "2018-11-04");
    expect(range.start).toBe(utc("2018-11-04T03:00:00Z"));
    expect(range.end).toBe(utc("2018-11-05T02:00:00Z"));
    expect(hours(range)).toBe(23);
    expect(localDayOf("America/Sao_Paulo", range.start - 1)).toBe("2018-11-03");
  });

  test.each([
    ["America/Santiago", "2022-09-11", "2022-09-11T04:00:00Z"],
    ["America/Havana", "2026-03-08", "2026-03-08T05:00:00Z"],
  ])("starts %s's %s, when midnight was skipped, at the first instant of that date", (zone, day, start) => {
    expect(dayRange(zone, day).start).toBe(utc(start));
  });

  test("makes Havana's fall-back day (2026-11-01), when 00:00-01:00 repeats, start at the first midnight", () => {
    const range = dayRange("America/Havana", "2026-11-01");
    expect(range.start).toBe(utc("2026-11-01T04:00:00Z"));
    expect(hours(range)).toBe(25);
  });

  test("leaves no gap and no overlap between consecutive days", () => {
    expect(dayRange("America/Sao_Paulo", "2018-11-03").end).toBe(dayRange("America/Sao_Paulo", "2018-11-04").start);
  });

  test.each(["2026-02-30", "2026-2-3", "20260203", "2026-13-01", "", "2026-03-08T00:00"])(
    "refuses the malformed day %j with a RangeError",
    (day) => {
      expect(() => dayRange("UTC", day)).toThrow(RangeError);
    },
  );

  test("refuses an unknown time zone with a RangeError", () => {
    expect(() => dayRange("Not/AZone", "2026-03-08")).toThrow(RangeError);
  });
});

describe("addDays", () => {
  test.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-03-08", 0, "2026-03-08"],
    ["2026-01-01", 365, "2027-01-01"],
  ])("moves %s by %i days to %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  test("refuses a malformed day with a RangeError", () => {
    expect(() => addDays("2026-02-29", 1)).toThrow(/Invalid day/);
  });
});

describe("localWeekRange", () => {
  test("spans Monday to Sunday around a midweek instant", () => {
    const week = localWeekRange("America/Sao_Paulo", utc("2026-03-11T15:00:00Z"));
    expect(week.firstDay).toBe("2026-03-09");
    expect(week.lastDay).toBe("2026-03-15");
    expect(week.start).toBe(utc("2026-03-09T03:00:00Z"));
    expect(week.end).toBe(utc("2026-03-16T03:00:00Z"));
  });

  test("lists the seven local days of the week in order", () => {
    const week = localWeekRange("America/Sao_Paulo", utc("2026-03-11T15:00:00Z"));
    expect(week.days).toEqual(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"]);
  });

  test("puts a late Sunday evening in the week that ends that Sunday", () => {
    // 23:00 on Sunday 2026-03-15 in São Paulo is already Monday in UTC.
    expect(localWeekRange("America/Sao_Paulo", utc("2026-03-16T02:00:00Z")).firstDay).toBe("2026-03-09");
  });

  test("starts on Sunday when weekStartsOn is 0", () => {
    const week = localWeekRange("America/New_York", utc("2026-03-11T16:00:00Z"), 0);
    expect(week.firstDay).toBe("2026-03-08");
    expect(week.lastDay).toBe("2026-03-14");
  });

  test("is 167 hours long across New York's spring-forward", () => {
    const week = localWeekRange("America/New_York", utc("2026-03-05T16:00:00Z"));
    expect(week.firstDay).toBe("2026-03-02");
    expect(week.start).toBe(utc("2026-03-02T05:00:00Z"));
    expect(week.end).toBe(utc("2026-03-09T04:00:00Z"));
    expect(hours(week)).toBe(167);
  });

  test("crosses the year boundary", () => {
    const week = localWeekRange("America/Sao_Paulo", utc("2026-01-01T15:00:00Z"));
    expect(week.days).toEqual(["2025-12-29", "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]);
    expect(week.start).toBe(utc("2025-12-29T03:00:00Z"));
    expect(week.end).toBe(utc("2026-01-05T03:00:00Z"));
  });
});

describe("lastNDaysRange", () => {
  test("covers 30 local days ending with today by default", () => {
    const range = lastNDaysRange("America/Sao_Paulo", utc("2026-03-01T13:00:00Z"));
    expect(range.days).toHaveLength(30);
    expect(range.firstDay).toBe("2026-01-31");
    expect(range.lastDay).toBe("2026-03-01");
    expect(range.start).toBe(utc("2026-01-31T03:00:00Z"));
    expect(range.end).toBe(utc("2026-03-02T03:00:00Z"));
  });

  test("lists consecutive days across a month boundary", () => {
    const { days } = lastNDaysRange("America/Sao_Paulo", utc("2026-03-01T13:00:00Z"));
    expect(days.slice(0, 2)).toEqual(["2026-01-31", "2026-02-01"]);
    expect(days.slice(-2)).toEqual(["2026-02-28", "2026-03-01"]);
  });

  test("crosses the year boundary", () => {
    const range = lastNDaysRange("Asia/Kolkata", utc("2026-01-10T06:00:00Z"));
    expect(range.firstDay).toBe("2025-12-12");
    expect(range.start).toBe(utc("2025-12-11T18:30:00Z"));
  });

  test("is one hour short of 30 days across New York's spring-forward", () => {
    const range = lastNDaysRange("America/New_York", utc("2026-03-20T16:00:00Z"));
    expect(range.start).toBe(utc("2026-02-19T05:00:00Z"));
    expect(range.end).toBe(utc("2026-03-21T04:00:00Z"));
    expect(hours(range)).toBe(30 * 24 - 1);
  });

  test("uses today's local day, not the UTC one", () => {
    // 22:00 on 2026-03-20 in São Paulo is 01:00 UTC on 2026-03-21.
    expect(lastNDaysRange("America/Sao_Paulo", utc("2026-03-21T01:00:00Z"), 7).lastDay).toBe("2026-03-20");
  });

  test.each([0, -1, 1.5])("refuses a day count of %d with a RangeError", (n) => {
    expect(() => lastNDaysRange("UTC", 0, n)).toThrow(RangeError);
  });
});

describe("windowRange", () => {
  const zone = "America/Sao_Paulo";
  const at = utc("2026-03-11T02:30:00Z");

  test("makes 'today' the single local day containing the instant", () => {
    const { day, start, end } = localDayRange(zone, at);
    expect(windowRange(zone, "today", at)).toEqual({ firstDay: day, lastDay: day, start, end, days: [day] });
  });

  test("makes 'week' the Monday-start local week", () => {
    expect(windowRange(zone, "week", at)).toEqual(localWeekRange(zone, at, 1));
  });

  test("makes 'last30' the last 30 local days", () => {
    expect(windowRange(zone, "last30", at)).toEqual(lastNDaysRange(zone, at, 30));
  });
});

import { describe, expect, test } from "vitest";
import { snoozeUntil } from "../../lib/inbox/snooze";

const SAO_PAULO = "America/Sao_Paulo";
// Wednesday 2026-03-04 22:30 in São Paulo (UTC−3) is Thursday 01:30 UTC.
const WEDNESDAY_NIGHT = Date.parse("2026-03-05T01:30:00Z");

describe("snooze presets", () => {
  test("one hour is an hour from now", () => {
    expect(snoozeUntil("hour", SAO_PAULO, WEDNESDAY_NIGHT)).toBe(WEDNESDAY_NIGHT + 3_600_000);
  });

  test("tomorrow is 09:00 of the org's next local day, not of UTC's", () => {
    expect(new Date(snoozeUntil("tomorrow", SAO_PAULO, WEDNESDAY_NIGHT)!).toISOString()).toBe("2026-03-05T12:00:00.000Z");
  });

  test("next Monday is 09:00 local on the coming Monday, a week on when today is Monday", () => {
    expect(new Date(snoozeUntil("nextMonday", SAO_PAULO, WEDNESDAY_NIGHT)!).toISOString()).toBe("2026-03-09T12:00:00.000Z");
    const mondayMorning = Date.parse("2026-03-09T11:00:00Z");
    expect(new Date(snoozeUntil("nextMonday", SAO_PAULO, mondayMorning)!).toISOString()).toBe("2026-03-16T12:00:00.000Z");
  });

  test("until the customer replies has no time", () => {
    expect(snoozeUntil("customerReply", SAO_PAULO, WEDNESDAY_NIGHT)).toBeUndefined();
  });

  test("a custom date-time is read in the org's time zone; an empty one is not a time", () => {
    expect(new Date(snoozeUntil("custom", SAO_PAULO, WEDNESDAY_NIGHT, "2026-03-06T14:30")!).toISOString()).toBe("2026-03-06T17:30:00.000Z");
    expect(snoozeUntil("custom", SAO_PAULO, WEDNESDAY_NIGHT, "")).toBeNaN();
  });
});

import { describe, expect, test } from "vitest";
import { copyMondayToWeekdays, draftFromHours, hoursFromDraft, nextIntervalAfter, updateDay } from "@/components/org-profile/hours-draft";

describe("the business hours editor's draft", () => {
  test("round-trips a stored week, closed days staying closed", () => {
    const hours = [
      { day: 1, opens: "09:00", closes: "12:00" },
      { day: 1, opens: "13:00", closes: "18:00" },
      { day: 6, opens: "09:00", closes: "13:00" },
    ] as const;
    const draft = draftFromHours([...hours]);
    expect(draft[0].open).toBe(false);
    expect(hoursFromDraft(draft)).toEqual(hours);
  });

  test("offers 09:00–18:00 when a closed day is switched open", () => {
    const draft = updateDay(draftFromHours(null), 3, (day) => ({ ...day, open: true }));
    expect(hoursFromDraft(draft)).toEqual([{ day: 3, opens: "09:00", closes: "18:00" }]);
  });

  test("copies Monday, lunch break included, to Tuesday through Friday and leaves the weekend alone", () => {
    const monday = [{ day: 1, opens: "08:00", closes: "12:00" }, { day: 1, opens: "14:00", closes: "18:00" }] as const;
    const copied = hoursFromDraft(copyMondayToWeekdays(draftFromHours([...monday, { day: 6, opens: "10:00", closes: "12:00" }])));
    expect(copied.filter((interval) => interval.day >= 1 && interval.day <= 5)).toHaveLength(10);
    expect(copied.filter((interval) => interval.day === 6)).toEqual([{ day: 6, opens: "10:00", closes: "12:00" }]);
  });

  test("adds an interval an hour after the day's last one, within the day", () => {
    expect(nextIntervalAfter([{ opens: "09:00", closes: "12:00" }])).toEqual({ opens: "13:00", closes: "15:00" });
    expect(nextIntervalAfter([{ opens: "09:00", closes: "23:00" }])).toEqual({ opens: "22:00", closes: "23:59" });
  });
});

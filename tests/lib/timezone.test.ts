import { describe, expect, test } from "vitest";
import { canonicalTimeZone } from "../../lib/time/timezone";

describe("canonicalTimeZone", () => {
  test.each(["America/Sao_Paulo", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+3"])(
    "accepts %s",
    (zone) => {
      expect(canonicalTimeZone(zone)).toBe(zone);
    },
  );

  test("returns the canonical spelling of a differently cased name", () => {
    expect(canonicalTimeZone("america/sao_paulo")).toBe("America/Sao_Paulo");
  });

  test.each(["Mars/Olympus", "", "+03:00", "-0300", "Sao Paulo", "America/", "../etc/passwd"])("refuses %j", (zone) => {
    expect(canonicalTimeZone(zone)).toBeNull();
  });
});

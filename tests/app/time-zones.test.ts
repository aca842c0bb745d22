import { describe, expect, it } from "vitest";
import { filterTimeZones, listTimeZones, toTimeZoneOptions, utcOffset } from "@/components/settings/time-zones";

const JANUARY = new Date("2025-01-15T12:00:00Z");

describe("listTimeZones", () => {
  it("includes UTC, the runtime's zones and extras, sorted without duplicates", () => {
    const zones = listTimeZones(["America/Sao_Paulo", "Etc/Custom"]);
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Lisbon");
    expect(zones).toContain("Etc/Custom");
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
  });
});

describe("utcOffset", () => {
  it("formats the offset at the given instant", () => {
    expect(utcOffset("America/Sao_Paulo", JANUARY)).toBe("GMT-03:00");
    expect(utcOffset("Asia/Kolkata", JANUARY)).toBe("GMT+05:30");
    expect(utcOffset("UTC", JANUARY)).toBe("GMT+00:00");
  });

  it("answers null for a zone the runtime does not know", () => {
    expect(utcOffset("Mars/Olympus", JANUARY)).toBeNull();
  });
});

describe("filterTimeZones", () => {
  const options = toTimeZoneOptions(["America/Sao_Paulo", "America/New_York", "Europe/Lisbon", "UTC"], JANUARY);

  it("returns everything for a blank query", () => {
    expect(filterTimeZones(options, "  ")).toHaveLength(4);
  });

  it("matches words in any order, ignoring case, accents and separators", () => {
    expect(filterTimeZones(options, "são PAULO").map((o) => o.value)).toEqual(["America/Sao_Paulo"]);
    expect(filterTimeZones(options, "york new").map((o) => o.value)).toEqual(["America/New_York"]);
    expect(filterTimeZones(options, "america").map((o) => o.value)).toEqual(["America/Sao_Paulo", "America/New_York"]);
  });

  it("matches the UTC offset in the label", () => {
    expect(filterTimeZones(options, "gmt-03").map((o) => o.value)).toEqual(["America/Sao_Paulo"]);
  });

  it("labels an unknown zone without an offset", () => {
    expect(toTimeZoneOptions(["Mars/Olympus_Mons"], JANUARY)).toMatchObject([
      { value: "Mars/Olympus_Mons", label: "Mars/Olympus Mons" },
    ]);
  });

  it("matches the offset typed as -3, UTC-3 or -03:00", () => {
    for (const query of ["-3", "utc-3", "UTC-03:00", "gmt-3"]) {
      expect(filterTimeZones(options, query).map((o) => o.value)).toEqual(["America/Sao_Paulo"]);
    }
  });

  it("returns nothing when no zone matches", () => {
    expect(filterTimeZones(options, "atlantis")).toEqual([]);
  });
});

describe("searching time zones by country, in the UI's language", () => {
  const brazil = ["America/Sao_Paulo", "America/Recife", "America/Manaus", "America/Noronha"];
  const options = toTimeZoneOptions([...brazil, "America/New_York", "Europe/Lisbon", "UTC"], JANUARY, "pt-BR");
  const found = (query: string) => filterTimeZones(options, query).map((o) => o.value);

  it("finds every Brazilian zone by the country's Portuguese or English name", () => {
    expect(found("Brasil")).toEqual(brazil);
    expect(found("brazil")).toEqual(brazil);
  });

  it("finds São Paulo by Brasília, the name of its time, with or without accents", () => {
    expect(found("Brasília")).toContain("America/Sao_Paulo");
    expect(found("brasilia")).toContain("America/Sao_Paulo");
    expect(found("brasilia")).not.toContain("Europe/Lisbon");
  });

  it("labels a zone with its country in the UI's language", () => {
    expect(options.find((o) => o.value === "America/Recife")?.label).toBe("America/Recife — Brasil (GMT-03:00)");
    expect(found("Estados Unidos")).toEqual(["America/New_York"]);
  });

  it("matches city and country words together", () => {
    expect(found("recife brasil")).toEqual(["America/Recife"]);
  });
});

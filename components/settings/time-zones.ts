/** Time zone list helpers for the settings form. Pure, apart from reading the runtime's Intl data. */
import { zoneRegion } from "@/lib/time/zone-regions";

/** `search` holds every spelling the zone is found by: city, country, generic name, offset. */
export type TimeZoneOption = { value: string; label: string; search: string };

/** Every IANA zone this runtime knows, plus UTC and any extra (e.g. the org's current one), sorted. */
export function listTimeZones(extra: readonly string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...known, "UTC", ...extra])].sort((a, b) => a.localeCompare(b));
}

function zoneName(timeZone: string, at: Date, locale: string, style: "longOffset" | "longGeneric"): string | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(at);
    return parts.find((part) => part.type === "timeZoneName")?.value ?? null;
  } catch {
    return null;
  }
}

/** "GMT-03:00" style offset of a zone at an instant; null when the runtime does not know the zone. */
export function utcOffset(timeZone: string, at: Date): string | null {
  const offset = zoneName(timeZone, at, "en-US", "longOffset");
  // Engines spell a zero offset either "GMT" or "GMT+00:00"; show one spelling.
  return offset === "GMT" ? "GMT+00:00" : offset;
}

/** "GMT-03:00" → "utc-03:00 -03:00 -3 utc-3 gmt-3", so people can type the offset the way they know it. */
function offsetSpellings(offset: string): string {
  const match = /^GMT([+-])(\d\d):(\d\d)$/.exec(offset);
  if (match === null) return "";
  const [, sign, hours, minutes] = match;
  const short = `${sign}${Number(hours)}${minutes === "00" ? "" : `:${minutes}`}`;
  return `utc${sign}${hours}:${minutes} ${sign}${hours}:${minutes} ${short} utc${short} gmt${short}`;
}

function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
  } catch {
    return null;
  }
}

/** Options labelled "America/Sao Paulo — Brasil (GMT-03:00)", country names in `locale` (and English for search). */
export function toTimeZoneOptions(zones: readonly string[], at: Date, locale = "en"): TimeZoneOption[] {
  const local = regionNames(locale);
  const english = regionNames("en");
  return zones.map((value) => {
    const name = value.replaceAll("_", " ");
    const offset = utcOffset(value, at);
    const region = zoneRegion(value);
    const country = region === null ? null : (local?.of(region) ?? null);
    const label = `${name}${country ? ` — ${country}` : ""}${offset ? ` (${offset})` : ""}`;
    const extra = [
      region === null ? null : english?.of(region),
      zoneName(value, at, locale, "longGeneric"),
      offset === null ? null : offsetSpellings(offset),
    ];
    return { value, label, search: searchable([value, label, ...extra].filter(Boolean).join(" ")) };
  });
}

/** Lowercase, accents stripped, "/" and "_" as spaces: "São Paulo" finds "America/Sao_Paulo". */
function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Options whose city, country, zone name or offset contains every word of the query, in any order. */
export function filterTimeZones(options: readonly TimeZoneOption[], query: string): TimeZoneOption[] {
  const words = searchable(query).split(" ").filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => words.every((word) => option.search.includes(word)));
}

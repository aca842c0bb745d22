/** Time zone list helpers for the settings form. Pure, apart from reading the runtime's Intl data. */

export type TimeZoneOption = { value: string; label: string };

/** Every IANA zone this runtime knows, plus UTC and any extra (e.g. the org's current one), sorted. */
export function listTimeZones(extra: readonly string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...known, "UTC", ...extra])].sort((a, b) => a.localeCompare(b));
}

/** "GMT-03:00" style offset of a zone at an instant; null when the runtime does not know the zone. */
export function utcOffset(timeZone: string, at: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
    const offset = parts.find((part) => part.type === "timeZoneName")?.value ?? null;
    // Engines spell a zero offset either "GMT" or "GMT+00:00"; show one spelling.
    return offset === "GMT" ? "GMT+00:00" : offset;
  } catch {
    return null;
  }
}

export function toTimeZoneOptions(zones: readonly string[], at: Date): TimeZoneOption[] {
  return zones.map((value) => {
    const name = value.replaceAll("_", " ");
    const offset = utcOffset(value, at);
    return { value, label: offset ? `${name} (${offset})` : name };
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

/** Options whose value or label contains every word of the query, in any order. */
export function filterTimeZones(options: readonly TimeZoneOption[], query: string): TimeZoneOption[] {
  const words = searchable(query).split(" ").filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const haystack = `${searchable(option.value)} ${searchable(option.label)}`;
    return words.every((word) => haystack.includes(word));
  });
}

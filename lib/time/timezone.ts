export const DEFAULT_TIMEZONE = "America/Sao_Paulo";

// IANA names only ("Area/City", "UTC"): Intl alone would also accept raw offsets like "+03:00".
const IANA_SHAPE = /^(?:UTC|GMT|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

function supportedTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
}

function isKnownToIntl(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA time zone as it should be stored, or null when the name is not one. The name is kept
 * as given (Intl's resolvedOptions would turn "Asia/Kolkata" into the legacy "Asia/Calcutta");
 * only its letter case is corrected when Intl lists it.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!IANA_SHAPE.test(name) || !isKnownToIntl(name)) return null;
  const lower = name.toLowerCase();
  return supportedTimeZones().find((zone) => zone.toLowerCase() === lower) ?? name;
}

export const DEFAULT_TIMEZONE = "America/Sao_Paulo";

// IANA names only ("Area/City", "UTC"): Intl alone would also accept raw offsets like "+03:00".
const IANA_SHAPE = /^(?:UTC|GMT|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** The canonical spelling of an IANA time zone, or null when the name is not one. */
export function canonicalTimeZone(name: string): string | null {
  if (!IANA_SHAPE.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

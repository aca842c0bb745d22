import { DEFAULT_LOCALE, LOCALES, type Locale } from "./config";

/** The supported locale a BCP 47 tag maps to: exact match first, then by language ("pt-PT" → "pt-BR"). */
export function matchLocale(tag: string): Locale | null {
  const wanted = tag.trim().toLowerCase();
  if (wanted === "" || wanted === "*") return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split("-")[0];
  return LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? null;
}

/** Language tags of an Accept-Language header, most preferred first; `q=0` means "not this one". */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranked = header.split(",").flatMap((part, index) => {
    const [tag = "", ...params] = part.trim().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (tag.trim() === "" || !Number.isFinite(q) || q <= 0) return [];
    return [{ tag: tag.trim(), q, index }];
  });
  ranked.sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.tag);
}

/** The cookie wins when it names a supported locale; otherwise the browser's preferences; otherwise English. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  const fromCookie = input.cookie ? matchLocale(input.cookie) : null;
  if (fromCookie) return fromCookie;
  for (const tag of parseAcceptLanguage(input.acceptLanguage)) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

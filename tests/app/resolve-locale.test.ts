import { describe, expect, it } from "vitest";
import { matchLocale, parseAcceptLanguage, resolveLocale } from "@/lib/i18n/resolve-locale";

describe("matchLocale", () => {
  it("matches supported locales case-insensitively", () => {
    expect(matchLocale("pt-br")).toBe("pt-BR");
    expect(matchLocale("EN")).toBe("en");
  });

  it("falls back to the language when the region differs", () => {
    expect(matchLocale("pt-PT")).toBe("pt-BR");
    expect(matchLocale("pt")).toBe("pt-BR");
    expect(matchLocale("en-GB")).toBe("en");
  });

  it("returns null for unsupported languages and wildcards", () => {
    expect(matchLocale("fr-FR")).toBeNull();
    expect(matchLocale("*")).toBeNull();
    expect(matchLocale("")).toBeNull();
  });
});

describe("parseAcceptLanguage", () => {
  it("orders tags by quality, keeping header order on ties", () => {
    expect(parseAcceptLanguage("fr;q=0.5, pt-BR, en;q=0.8, de")).toEqual(["pt-BR", "de", "en", "fr"]);
  });

  it("drops q=0 and malformed qualities", () => {
    expect(parseAcceptLanguage("pt;q=0, en;q=abc, es")).toEqual(["es"]);
  });

  it("handles a missing header", () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });
});

describe("resolveLocale", () => {
  it("prefers the cookie when it names a supported locale", () => {
    expect(resolveLocale({ cookie: "pt-BR", acceptLanguage: "en-US,en;q=0.9" })).toBe("pt-BR");
  });

  it("ignores an unsupported cookie and uses Accept-Language", () => {
    expect(resolveLocale({ cookie: "xx", acceptLanguage: "fr, pt-BR;q=0.8, en;q=0.5" })).toBe("pt-BR");
  });

  it("defaults to English", () => {
    expect(resolveLocale({})).toBe("en");
    expect(resolveLocale({ acceptLanguage: "ja, ko" })).toBe("en");
  });
});

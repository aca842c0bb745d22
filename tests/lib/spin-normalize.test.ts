import { describe, expect, test } from "vitest";
import { startsWithinOneEdit, withinOneEdit } from "../../lib/spin/fuzzy";
import { normalizeBase, normalizeText } from "../../lib/spin";

describe("normalizeBase", () => {
  test("lowercases and strips accents", () => {
    expect(normalizeBase("AÇÃO Rápida É Útil")).toBe("acao rapida e util");
  });

  test("drops emojis and punctuation and collapses whitespace", () => {
    expect(normalizeBase("  oi!!!   tudo bem??? 😀👍 ")).toBe("oi tudo bem");
  });

  test("drops apostrophes instead of splitting words", () => {
    expect(normalizeBase("What's the issue? I'd love it")).toBe("whats the issue id love it");
  });

  test("shortens letters stretched for emphasis", () => {
    expect(normalizeBase("muiiiito caroooo")).toBe("muito caro");
  });

  test("keeps digits", () => {
    expect(normalizeBase("temos 10 vendedores")).toBe("temos 10 vendedores");
  });
});

describe("normalizeText", () => {
  test("expands Portuguese chat shorthand", () => {
    expect(normalizeText("vc vcs q pq mt tb n hj qdo msm")).toBe(
      "voce voces que porque muito tambem nao hoje quando mesmo",
    );
  });

  test("reads ñ as não", () => {
    expect(normalizeText("ñ sei")).toBe("nao sei");
  });

  test("expands more Portuguese shorthand to several words", () => {
    expect(normalizeText("oq vc acha? blz, vlw, obg, pfv")).toBe("o que voce acha beleza valeu obrigado por favor");
  });

  test("expands English chat shorthand", () => {
    expect(normalizeText("u ur pls thx bc rn", "en")).toBe("you your please thanks because right now");
  });

  test("applies only the given language's shorthand", () => {
    expect(normalizeText("u", "pt")).toBe("u");
    expect(normalizeText("q", "en")).toBe("q");
  });
});

describe("withinOneEdit", () => {
  test.each([
    ["dificuldade", "dificudade"],
    ["problema", "problemma"],
    ["frustrado", "frustrada"],
    ["problema", "probelma"],
    ["igual", "igual"],
  ])("accepts %s and %s", (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
  });

  test.each([
    ["dificuldade", "dificudad"],
    ["problema", "porblmea"],
    ["abc", "xyz"],
  ])("refuses %s and %s", (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
  });
});

describe("startsWithinOneEdit", () => {
  test("accepts a word that starts with the stem", () => {
    expect(startsWithinOneEdit("frustrating", "frustrat")).toBe(true);
  });

  test("accepts a word whose start is one edit from the stem", () => {
    expect(startsWithinOneEdit("frustating", "frustrat")).toBe(true);
  });

  test("refuses a word that starts differently", () => {
    expect(startsWithinOneEdit("frequent", "frustrat")).toBe(false);
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ptBR from "@/lib/i18n/messages/pt-BR.json";

/**
 * The Portuguese reads as Portuguese: no English words left behind, the glossary's terms
 * (lib/i18n/GLOSSARY.md), and counts that follow pt-BR grammar ("0 conversas", not "0 conversa").
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

/** English words that never belong in a Brazilian Portuguese string. */
const ENGLISH_STOP_LIST = [
  "the", "and", "of", "to", "with", "your", "you", "is", "are", "this", "that", "for", "by", "from", "not",
  "please", "save", "cancel", "delete", "loading", "settings", "owner", "member", "members", "image", "audio",
  "video", "sticker", "document", "reply", "send", "sign", "error", "robot",
];
/** Terms the glossary replaced: masculine nouns for roles and a second name for the bot. */
const REJECTED_PT_TERMS = ["proprietário", "proprietários", "administrador", "administradores", "robô", "robôs"];

/** The words a reader sees: ICU argument names, keywords and selector cases removed. */
function visibleWords(message: string): string[] {
  const text = message
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, " ")
    .replace(/(^|[\s}])(=\d+|zero|one|two|few|many|other|owner|admin|member)\s*\{/g, " ")
    .replace(/\{\s*\w+\s*\}/g, " ");
  return text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

const portuguese = leaves(ptBR);
const english = leaves(en);

describe("Brazilian Portuguese messages", () => {
  it("contain no English word from the stop-list", () => {
    const found = portuguese.flatMap(([key, value]) =>
      visibleWords(value).filter((word) => ENGLISH_STOP_LIST.includes(word)).map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it("use the glossary's neutral role names and one word for the bot", () => {
    const found = portuguese.flatMap(([key, value]) =>
      visibleWords(value).filter((word) => REJECTED_PT_TERMS.includes(word)).map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
    expect(english.filter(([, value]) => /\brobots?\b/i.test(value))).toEqual([]);
  });

  it("put zero in the plural, as Portuguese does", () => {
    const t = createTranslator({ locale: "pt-BR", messages: ptBR });
    const plurals = portuguese.filter(([, value]) => /,\s*plural\s*,/.test(value));
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key, value] of plurals) {
      const names = [...value.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((match) => match[1] ?? "");
      const values = (n: number) => Object.fromEntries(names.map((name) => [name, n]));
      const others = Object.fromEntries([...value.matchAll(/\{\s*(\w+)\s*\}/g)].map((match) => [match[1] ?? "", "X"]));
      const say = (n: number) => t(key as never, { ...others, ...values(n) } as never);
      // A worded zero ("Nenhum fuso horário encontrado") is fine; a counted one must be the plural.
      if (/\b0\b/.test(say(0))) expect(say(0), key).toBe(say(2).replaceAll("2", "0"));
    }
  });
});

describe("both catalogues", () => {
  it("parse as ICU messages and render every key in both languages", () => {
    for (const [locale, messages, entries] of [
      ["en", en, english],
      ["pt-BR", ptBR, portuguese],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages, onError: (error) => errors.push(error.message) });
      for (const [key, value] of entries) {
        const args = Object.fromEntries([...value.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => [match[1] ?? "", 1]));
        t(key as never, args as never);
      }
      expect(errors, locale).toEqual([]);
    }
  });
});

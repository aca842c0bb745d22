import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ptBR from "@/lib/i18n/messages/pt-BR.json";
import { AUDIT_ACTION_KEYS } from "@/components/audit/audit-action";
import { ERROR_CODES } from "@/lib/errors";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** ICU argument names used by a message, e.g. {count, plural, ...} → count. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1] ?? "").sort();
}

const english = leaves(en);
const portuguese = leaves(ptBR);

describe("message catalogues", () => {
  it("have identical key sets in en and pt-BR", () => {
    expect([...portuguese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("have no empty messages", () => {
    for (const [key, value] of [...english, ...portuguese]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same ICU arguments in both languages", () => {
    for (const [key, value] of english) expect(argumentsOf(portuguese.get(key) ?? ""), key).toEqual(argumentsOf(value));
  });

  it("translate every backend error code", () => {
    for (const code of ERROR_CODES) expect(english.has(`errors.codes.${code}`), code).toBe(true);
  });

  it("label every known audit action", () => {
    for (const key of AUDIT_ACTION_KEYS) expect(english.has(`audit.actions.${key}`), key).toBe(true);
  });
});

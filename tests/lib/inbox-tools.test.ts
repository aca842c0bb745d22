import { describe, expect, test } from "vitest";
import { matchQuickReplies, normalizeShortcut, renderQuickReply } from "../../lib/inbox/quick-replies";
import { formatPhoneFull } from "../../lib/inbox/phone";
import { searchTextOf } from "../../lib/inbox/search-text";

const context = { contactName: "João Pedro Silva", agentName: "Ana", myName: "Adam Admin" };

describe("renderQuickReply", () => {
  test("fills the contact's, the agent's and my names", () => {
    expect(renderQuickReply("Oi {{contact.first_name}}, aqui é {{me.first_name}} da equipe da {{agent.name}}.", context)).toBe(
      "Oi João, aqui é Adam da equipe da Ana.",
    );
    expect(renderQuickReply("{{ contact.name }}", context)).toBe("João Pedro Silva");
  });

  test("drops a missing value together with the space before it", () => {
    expect(renderQuickReply("Oi {{contact.first_name}}, tudo bem?", { ...context, contactName: null })).toBe("Oi, tudo bem?");
  });

  test("leaves an unknown variable as typed, so the person sees the typo", () => {
    expect(renderQuickReply("Oi {{contato.nome}}", context)).toBe("Oi {{contato.nome}}");
  });
});

describe("normalizeShortcut", () => {
  test("lowercases and drops a leading slash", () => expect(normalizeShortcut(" /Preco ")).toBe("preco"));
  test("refuses spaces, symbols and overlong shortcuts", () => {
    expect(normalizeShortcut("two words")).toBeNull();
    expect(normalizeShortcut("a!")).toBeNull();
    expect(normalizeShortcut("x".repeat(33))).toBeNull();
  });
});

describe("matchQuickReplies", () => {
  test("lists shortcuts starting with the typed text first, then those containing it", () => {
    const replies = [{ shortcut: "oi-preco" }, { shortcut: "horario" }, { shortcut: "preco" }];
    expect(matchQuickReplies(replies, "pre").map((reply) => reply.shortcut)).toEqual(["preco", "oi-preco"]);
  });
});

describe("searchTextOf", () => {
  test("lowercases, strips accents and punctuation", () => {
    expect(searchTextOf("Orçamento, JOÃO! ação?")).toBe("orcamento joao acao");
  });
});

describe("formatPhoneFull", () => {
  test("formats Brazilian mobile and landline numbers", () => {
    expect(formatPhoneFull("5511999990001")).toBe("+55 11 99999-0001");
    expect(formatPhoneFull("551133334444")).toBe("+55 11 3333-4444");
  });
  test("formats other countries internationally", () => {
    expect(formatPhoneFull("14155550100")).toBe("+1 415 555 0100");
    expect(formatPhoneFull("447911123456")).toBe("+44 7911 123456");
    expect(formatPhoneFull("351912345678")).toBe("+351 912 345 678");
  });
  test("shows a LID as is and digits that are no possible number with a plus", () => {
    expect(formatPhoneFull("123@lid")).toBe("123@lid");
    expect(formatPhoneFull("123")).toBe("+123");
  });
});

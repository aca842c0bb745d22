import { describe, expect, test } from "vitest";
import {
  decideTurn,
  defaultKnowledge,
  detectLanguage,
  knowledgeProblems,
  KNOWLEDGE_LIMITS,
  readPersona,
  runConversation,
  shortProductName,
  type TurnInput,
} from "../../lib/spin";

const knowledge = { ...defaultKnowledge("pt"), persona: "Sou a Júlia", productName: "ZapCRM" };
const turn = (incoming: string[], overrides: Partial<TurnInput> = {}) =>
  decideTurn({ history: [], incoming, stage: "situation", handedOff: false, optedOut: false, knowledge, ...overrides });
const questions = (reply: string | null) => (reply ?? "").split("?").length - 1;

describe("a reply", () => {
  test("acknowledges the customer by mirroring a key term", () => {
    expect(turn(["hoje uso planilha e perco muito tempo"]).reply).toMatch(/perder muito tempo/);
  });

  test("asks exactly one question", () => {
    for (const text of ["oi", "uso planilha", "perdemos vendas", "seria ótimo", "quanto custa?", "é robô?"]) {
      expect(questions(turn([text]).reply)).toBe(1);
    }
  });

  test("says 'você' to one person", () => {
    const reply = turn(["uso o zap no meu celular e esqueço de responder"]).reply!;
    expect(reply).not.toMatch(/vocês/i);
  });

  test("says 'vocês' when the customer speaks for a team", () => {
    const steps = runConversation(["oi", "somos 3 vendedores", "a gente esquece de responder"], { knowledge });
    expect(steps.at(-1)!.reply).toMatch(/vocês|equipe/i);
  });

  test("answers in English when the customer writes English", () => {
    const reply = turn(["we're a team of 8 and it's chaos"]).reply!;
    expect(detectLanguage(reply)).toBe("en");
  });

  test("never sounds formal", () => {
    const steps = runConversation(["bom dia", "uso planilha", "é muito trabalhoso", "perco clientes", "queria resolver"], { knowledge });
    for (const step of steps) expect(step.reply).not.toMatch(/prezad|senhor/i);
  });

  test("never repeats itself over a long conversation", () => {
    const turns = Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? "ok" : "sei lá"));
    const replies = runConversation(turns, { knowledge }).map((step) => step.reply);
    expect(new Set(replies).size).toBe(replies.length);
  });

  test("introduces the persona by name on the first reply only", () => {
    const steps = runConversation(["oi", "tudo bem"], { knowledge });
    expect(steps[0].reply).toMatch(/^Oi! Aqui é a Júlia\./);
    expect(steps[1].reply).not.toMatch(/Aqui é a Júlia/);
  });

  test("puts a short product name in its slot, never a pasted paragraph", () => {
    const steps = runConversation(["oi", "perdemos muitas vendas por demora"], {
      persona: "Júlia",
      product: "CRM para pequenas empresas, com WhatsApp integrado, a partir de R$ 99/mês",
    });
    for (const step of steps) expect(step.reply).not.toContain("R$ 99");
  });
});

describe("the persona", () => {
  test.each(["Você é a Júlia, consultora da ZapCRM", "Sou a Júlia", "Júlia", "Júlia, simpática e direta"])('"%s" is named Júlia', (persona) => {
    expect(readPersona(persona)).toMatchObject({ name: "Júlia", article: "a" });
  });

  test("an English persona gives its name too", () => {
    expect(readPersona("You are Mia, a friendly sales assistant").name).toBe("Mia");
  });
});

describe("the product name", () => {
  test("keeps a short name or a brand", () => {
    expect(shortProductName("ZapCRM")).toBe("ZapCRM");
    expect(shortProductName("SpinDesk: the CRM for WhatsApp teams, from R$ 99")).toBe("SpinDesk");
  });

  test("gives up on a long description without a brand", () => {
    expect(shortProductName("uma plataforma completa de atendimento para pequenas e médias empresas")).toBe("");
  });
});

describe("the agent knowledge", () => {
  test("defaults to Portuguese for agents created in Portuguese and English otherwise", () => {
    expect(detectLanguage(defaultKnowledge("pt").persona)).toBe("pt");
    expect(detectLanguage(defaultKnowledge("en").persona)).toBe("en");
  });

  test("reports fields over their length limits", () => {
    const tooMany = Array.from({ length: KNOWLEDGE_LIMITS.faqEntries + 1 }, () => ({ question: "q", answer: "a" }));
    const long = "x".repeat(KNOWLEDGE_LIMITS.productName + 1);
    expect(knowledgeProblems({ ...defaultKnowledge("pt"), productName: long, faq: tooMany })).toEqual(["productName", "faq"]);
    expect(knowledgeProblems(defaultKnowledge("pt"))).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import { detectLanguage, planReply, SPIN_ORDER, type Language, type SpinStage } from "../../lib/spin";

const base = { persona: "Ana, consultora simpática", product: "Painéis solares", customerName: "Maria Silva 🌸" };

/** The bot's replies over a conversation that stays in one stage. */
function conversation(stage: SpinStage, language: Language, turns: number, persona = base.persona): string[] {
  const history: string[] = [];
  for (let turn = 0; turn < turns; turn++) {
    history.push(planReply({ ...base, persona, stage, language, history: [...history], turn }).text);
  }
  return history;
}

describe("planReply", () => {
  const cases = SPIN_ORDER.flatMap((stage) => (["pt", "en"] as const).map((language) => [stage, language] as const));

  test.each(cases)("never repeats a reply over 10 turns in %s (%s)", (stage, language) => {
    const replies = conversation(stage, language, 10);
    expect(new Set(replies).size).toBe(replies.length);
  });

  test.each(cases)("still finds a new reply after 40 turns in %s (%s)", (stage, language) => {
    const replies = conversation(stage, language, 40);
    expect(new Set(replies).size).toBe(replies.length);
  });

  test.each(cases)("answers in the requested language in %s (%s)", (stage, language) => {
    for (const reply of conversation(stage, language, 6)) expect(detectLanguage(reply)).toBe(language);
  });

  test("introduces itself by the persona's name and greets the customer by first name on the first turn", () => {
    const { text } = planReply({ ...base, stage: "situation", language: "pt", history: [], turn: 0 });
    expect(text).toMatch(/^Oi, Maria! Aqui é Ana\./);
  });

  test("introduces itself only once", () => {
    const [, second] = conversation("situation", "en", 2);
    expect(second).not.toContain("Ana");
  });

  test("greets without a name when the persona gives none", () => {
    const { text } = planReply({ ...base, persona: "A friendly, concise assistant", customerName: undefined, stage: "problem", language: "en", history: [], turn: 0 });
    expect(text).toMatch(/^Hi, how are you\? /);
  });

  test("speaks formally for a formal persona", () => {
    const { text } = planReply({ ...base, persona: "Sou o Rui, atendimento formal", stage: "problem", language: "pt", history: [], turn: 0 });
    expect(text).toMatch(/^Olá, Maria, aqui é Rui\./);
  });

  // Implication questions are about the customer's losses, so only the other stages name the product.
  test.each(["situation", "problem", "need_payoff"] as const)("mentions the product within six turns in %s", (stage) => {
    expect(conversation(stage, "pt", 6).some((reply) => reply.includes("painéis solares"))).toBe(true);
  });

  test("speaks of the solution in general when the product is blank", () => {
    const history: string[] = [];
    for (let turn = 0; turn < 6; turn++) {
      history.push(planReply({ ...base, product: " ", stage: "need_payoff", language: "pt", history: [...history], turn }).text);
    }
    expect(history.join(" ")).toContain("a nossa solução");
    expect(history.join(" ")).not.toContain("{product}");
  });

  test.each(["pt", "en"] as const)("offers a human specialist in every need-payoff reply (%s)", (language) => {
    for (const reply of conversation("need_payoff", language, 10)) expect(reply).toMatch(/especialista|specialist/);
  });

  test("asks exactly one thing per plain question", () => {
    for (const reply of conversation("problem", "en", 6)) expect(reply.match(/\?/g)).toHaveLength(1);
  });
});

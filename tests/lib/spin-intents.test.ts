import { describe, expect, test } from "vitest";
import { defaultKnowledge, detectIntent } from "../../lib/spin";

const knowledge = defaultKnowledge("pt");
const intentOf = (text: string, offeredHandoff = false) => detectIntent(text, { knowledge, offeredHandoff }).intent;

describe("detectIntent", () => {
  test.each([
    "não tenho interesse, pare de me mandar mensagem", "STOP", "PARE", "me tira dessa lista", "nao quero mais receber msg",
    "unsubscribe", "not interested, please don't message me again", "please remove my number", "descadastrar",
  ])('reads "%s" as an opt-out', (text) => expect(intentOf(text)).toBe("opt_out"));

  test.each([
    "quero falar com um atendente", "alô? tem alguém aí?", "quero falar com uma pessoa", "prefiro falar com um humano",
    "pode me ligar?", "can I talk to a real person?", "anyone there??", "pode me passar pra um vendedor?",
  ])('reads "%s" as a request for a person', (text) => expect(intentOf(text)).toBe("human"));

  test.each(["sim, pode chamar", "pode ser", "quero sim", "yes please", "claro"])(
    'reads "%s" after the offer of a specialist as a request for a person',
    (text) => expect(intentOf(text, true)).toBe("human"),
  );

  test("reads a no to the offer of a specialist as no request", () => {
    expect(intentOf("agora não, só pesquisando", true)).toBeNull();
  });

  test.each(["Quanto custa?", "qto custa o plano?", "qual o valor?", "quanto ta?", "QUAL O PRECO", "how much is it?", "what's your pricing?"])(
    'reads "%s" as a price question',
    (text) => expect(intentOf(text)).toBe("price"),
  );

  test.each(["vc é um robo?", "isso é bot?", "quem é?", "bom dia, quem fala?", "is this a bot?", "are you a real person?"])(
    'reads "%s" as asking who is writing',
    (text) => expect(intentOf(text)).toBe("is_bot"),
  );

  test.each(["Vcs entregam em Campinas?", "Abrem sábado?", "aceitam pix?", "do you deliver to brooklyn?", "what are your hours?"])(
    'reads "%s" as a question about the business',
    (text) => expect(intentOf(text)).toBe("faq"),
  );

  test.each(["e qual o horario de atendimento", "mas vcs entregam em sorocaba", "and what are your opening hours"])(
    'reads "%s", a question opened by a filler and without a question mark, as a question about the business',
    (text) => expect(intentOf(text)).toBe("faq"),
  );

  test.each(["oi", "oii", "Bom dia!", "eae, tudo bem?", "hello there"])('reads "%s" as a greeting', (text) => {
    expect(intentOf(text)).toBe("greeting");
  });

  test.each([
    ["we can't stop losing leads", "no opt-out"],
    ["dois vendedores mandaram preço diferente pro cliente", "no price question"],
    ["qto isso me custa? uns 3 mil por mes", "no price question"],
    ["e ai o cliente fecha com o concorrente", "no greeting"],
    ["os clientes reclamam que ninguem responde", "no request for a person"],
    ["não", "no opt-out"],
  ])('reads "%s" as %s', (text) => expect(intentOf(text)).toBeNull());
});

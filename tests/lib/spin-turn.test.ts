import { describe, expect, test } from "vitest";
import { decideTurn, defaultKnowledge, runConversation, stageReason, type ChatTurn, type TurnInput } from "../../lib/spin";

const knowledge = {
  ...defaultKnowledge("pt"),
  persona: "Você é a Júlia, consultora da ZapCRM.",
  productName: "ZapCRM",
  priceAnswer: "O plano Essencial custa R$ 99 por mês.",
  businessHours: "Segunda a sexta, das 9h às 18h",
  faq: [{ question: "Vocês entregam em quais cidades?", answer: "Entregamos em Campinas e região." }],
};

const turn = (incoming: string[], overrides: Partial<TurnInput> = {}) =>
  decideTurn({ history: [], incoming, stage: "situation", handedOff: false, optedOut: false, knowledge, ...overrides });

const run = (turns: string[]) => runConversation(turns, { knowledge });

describe("the stage", () => {
  test.each([
    ["hoje uso planilha e perco muito tempo", "problem"],
    ["se continuar assim vou perder clientes", "implication"],
    ["perdemos uns 20 pedidos por causa disso", "implication"],
    ["seria ótimo ter tudo num lugar só", "need_payoff"],
  ] as const)('reads "%s" as %s', (text, stage) => {
    expect(turn([text]).stage).toBe(stage);
  });

  test("moves straight to the furthest stage a message shows and records each stage passed with its words", () => {
    const decision = turn(["somos 4 vendedores, o whats é uma bagunça e já perdemos vendas grandes"]);
    expect(decision.stage).toBe("implication");
    expect(decision.stagesPassed).toEqual([
      expect.objectContaining({ stage: "problem", quote: "o whats é uma bagunça" }),
      expect.objectContaining({ stage: "implication", quote: "já perdemos vendas grandes" }),
    ]);
  });

  test("never goes back when the customer later talks about their situation", () => {
    expect(turn(["a gente usa planilha"], { stage: "implication" }).stage).toBe("implication");
  });

  test("counts a short yes to the bot's question as that question's stage", () => {
    const history: ChatTurn[] = [{ author: "bot", text: "Os clientes já reclamaram de demora?", questionStage: "problem" }];
    expect(turn(["sim, direto"], { history }).stage).toBe("problem");
  });

  test("gives the timeline a readable reason", () => {
    expect(stageReason("perdemos uns 20 pedidos")).toBe("disse: 'perdemos uns 20 pedidos'");
  });
});

describe("the question asked", () => {
  test("is never of a stage behind the customer's", () => {
    const steps = run(["oi", "a gente usa planilha", "ja perdemos clientes por demora", "é, uso o zap também"]);
    expect(steps.at(-1)).toMatchObject({ stage: "implication" });
    expect(["implication", "need_payoff"]).toContain(steps.at(-1)!.questionStage);
  });

  test("moves on to the next stage once the customer showed the current one", () => {
    expect(turn(["uso planilha e perco muito tempo"]).questionStage).toBe("implication");
  });

  test("is an offer of a specialist at need-payoff, and accepting it hands off", () => {
    const steps = run(["oi", "seria ótimo responder todo mundo na hora", "sim, pode chamar"]);
    expect(steps[1].reply).toMatch(/especialista|alguém da equipe/);
    expect(steps[2]).toMatchObject({ intent: "human", handoff: true });
  });
});

describe("the intents", () => {
  test("answers the price from the knowledge, then continues the conversation", () => {
    const decision = turn(["Quanto custa?"]);
    expect(decision.intent).toBe("price");
    expect(decision.reply).toContain("R$ 99");
    expect(decision.questionStage).toBe("situation");
  });

  test("says a person will send the price when the knowledge has none", () => {
    const decision = turn(["qto custa?"], { knowledge: defaultKnowledge("pt") });
    expect(decision.reply).toMatch(/pessoa da equipe vai te mandar/);
  });

  test("hands off with one short message and no question when the customer asks for a person", () => {
    const decision = turn(["quero falar com um atendente"]);
    expect(decision).toMatchObject({ intent: "human", handoff: true, questionStage: null });
    expect(decision.reply).not.toContain("?");
  });

  test("stays silent after a handoff", () => {
    const steps = run(["alô? tem alguém aí?", "oi?", "quanto custa?"]);
    expect(steps.map((step) => step.reply === null)).toEqual([false, true, true]);
  });

  test("confirms an opt-out once without a question and never writes again", () => {
    const steps = run(["não tenho interesse, pare de me mandar mensagem", "oi", "quero falar com alguém"]);
    expect(steps[0]).toMatchObject({ intent: "opt_out", questionStage: null });
    expect(steps[0].reply).not.toContain("?");
    expect(steps.slice(1).map((step) => step.reply)).toEqual([null, null]);
  });

  test("reports an opt-out during a handoff without writing", () => {
    expect(turn(["STOP"], { handedOff: true })).toMatchObject({ optOut: true, reply: null });
  });

  test("answers honestly who is writing, by the persona's name", () => {
    const decision = turn(["isso é um robô?"]);
    expect(decision.intent).toBe("is_bot");
    expect(decision.reply).toMatch(/Júlia.*assistente virtual.*robô/);
  });

  test("answers a question from the FAQ, then continues", () => {
    const decision = turn(["Vcs entregam em Campinas?"]);
    expect(decision.intent).toBe("faq");
    expect(decision.reply).toContain("Entregamos em Campinas e região.");
    expect(decision.reply).toMatch(/\?$/);
  });

  test("answers the opening hours from the knowledge", () => {
    expect(turn(["Abrem sábado?"]).reply).toContain("Segunda a sexta, das 9h às 18h");
  });
});

describe("after a person replied and the bot was resumed", () => {
  const history: ChatTurn[] = [
    { author: "customer", text: "vcs conseguem me mostrar o sistema?" },
    { author: "human", text: "Claro! Posso te ligar amanhã às 10h?" },
    { author: "customer", text: "Pode sim, amanhã às 10h está ótimo!" },
  ];

  test("answers nothing when no customer message arrived after the resume", () => {
    expect(turn([], { history, stage: "problem" }).reply).toBeNull();
  });

  test("answers only the newer message, with the person's messages as context", () => {
    const decision = turn(["ah, e quanto custa?"], { history, stage: "problem" });
    expect(decision).toMatchObject({ intent: "price", stage: "problem", stagesPassed: [] });
    expect(decision.reply).not.toMatch(/^Oi! Aqui é/);
  });
});

describe("the evidence", () => {
  test("lists every stage the words showed, including the one the conversation was already at", () => {
    const decision = decideTurn({
      history: [],
      incoming: ["somos 4 vendedores e o whats é uma bagunça"],
      stage: "situation",
      handedOff: false,
      optedOut: false,
      knowledge,
    });
    expect(decision.shown.map((entry) => entry.stage)).toEqual(["situation", "problem"]);
    expect(decision.stagesPassed.map((entry) => entry.stage)).toEqual(["problem"]);
  });
});

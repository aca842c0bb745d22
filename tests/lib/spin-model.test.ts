import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  createModelProvider,
  decideReply,
  defaultKnowledge,
  ModelProviderError,
  type ModelAnswer,
  type TurnInput,
} from "../../lib/spin";

/** A local OpenAI-compatible server whose next answer each test chooses. */
type Behaviour = (response: ServerResponse) => void;
let behaviour: Behaviour;
let received: { url: string; body: { messages: { role: string; content: string }[] } }[] = [];
let server: Server;
let baseUrl: string;

const completion = (content: string): Behaviour => (response) => {
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ choices: [{ message: { role: "assistant", content } }] }));
};
const status = (code: number): Behaviour => (response) => {
  response.writeHead(code, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ error: { message: "nope" } }));
};
// Never answers within the test's timeout; closed when the server stops.
const hang: Behaviour = () => undefined;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ url: request.url ?? "", body: JSON.parse(body) as (typeof received)[number]["body"] });
      behaviour(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
});

const provider = () => createModelProvider({ baseUrl, model: "tiny", apiKey: "sk-test", timeoutMs: 300 });

const knowledge = { ...defaultKnowledge("pt"), persona: "Sou a Júlia", productName: "ZapCRM" };
const input = (incoming: string[], overrides: Partial<TurnInput> = {}): TurnInput => ({
  history: [{ author: "bot", text: "Oi! Aqui é a Júlia. Você usa alguma ferramenta para organizar isso hoje?", questionStage: "situation" }],
  incoming,
  stage: "situation",
  handedOff: false,
  optedOut: false,
  knowledge,
  ...overrides,
});

const valid: ModelAnswer = {
  stage: "implication",
  intent: null,
  questionStage: "need_payoff",
  reply: "Poxa, perder pedidos dói. Seria útil ter o ZapCRM respondendo na hora?",
  handoff: false,
};

describe("the model provider against an OpenAI-compatible server", () => {
  test("returns a valid answer, validated", async () => {
    behaviour = completion(JSON.stringify(valid));
    await expect(provider().reply({ stage: "situation", history: [], incoming: ["oi"], knowledge, language: "pt", team: false })).resolves.toEqual(valid);
    expect(received[0].url).toBe("/v1/chat/completions");
  });

  test("sends the persona, the knowledge, the rules and the conversation", async () => {
    behaviour = completion(JSON.stringify(valid));
    await decideReply(input(["perdemos uns 20 pedidos"]), { provider: provider() });
    const [system, ...turns] = received[0].body.messages;
    expect(system.content).toContain("Sou a Júlia");
    expect(system.content).toContain("ZapCRM");
    expect(system.content).toContain("need_payoff");
    expect(turns.at(-1)).toEqual({ role: "user", content: "perdemos uns 20 pedidos" });
  });

  test.each([
    ["invalid JSON", completion("not json {"), "bad_json"],
    ["a JSON answer of the wrong shape", completion(JSON.stringify({ stage: "later", reply: "" })), "schema"],
    ["a timeout", hang, "timeout"],
    ["HTTP 429", status(429), "http"],
    ["HTTP 500", status(500), "http"],
  ])("fails with a typed error on %s", async (_name, answer, kind) => {
    behaviour = answer;
    const error = await provider().reply({ stage: "situation", history: [], incoming: ["oi"], knowledge, language: "pt", team: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelProviderError);
    expect(error).toMatchObject({ kind });
  });
});

describe("decideReply with a model", () => {
  test("uses a valid model answer", async () => {
    behaviour = completion(JSON.stringify(valid));
    const decision = await decideReply(input(["perdemos uns 20 pedidos"]), { provider: provider() });
    expect(decision).toMatchObject({ source: "model", stage: "implication", reply: valid.reply });
  });

  test.each([
    ["invalid JSON", completion("{oops")],
    ["a timeout", hang],
    ["HTTP 429", status(429)],
    ["HTTP 500", status(500)],
  ])("falls back to the rules on %s", async (_name, answer) => {
    behaviour = answer;
    const errors: unknown[] = [];
    const decision = await decideReply(input(["perdemos uns 20 pedidos"]), { provider: provider(), onModelError: (e) => errors.push(e) });
    expect(decision).toMatchObject({ source: "rules", stage: "implication" });
    expect(errors).toHaveLength(1);
  });

  test("falls back to the rules when the model asks a question behind the customer's stage", async () => {
    behaviour = completion(JSON.stringify({ ...valid, stage: "implication", questionStage: "situation" }));
    const decision = await decideReply(input(["perdemos uns 20 pedidos"]), { provider: provider() });
    expect(decision.source).toBe("rules");
  });

  test("never moves the stage backwards on the model's word", async () => {
    behaviour = completion(JSON.stringify({ ...valid, stage: "situation", questionStage: "problem" }));
    const decision = await decideReply(input(["certo"], { stage: "problem" }), { provider: provider() });
    expect(decision).toMatchObject({ source: "model", stage: "problem" });
  });

  test("lets the rules' opt-out win without asking the model", async () => {
    behaviour = completion(JSON.stringify(valid));
    const decision = await decideReply(input(["PARE de me mandar msg"]), { provider: provider() });
    expect(decision).toMatchObject({ source: "rules", intent: "opt_out", optOut: true });
    expect(received).toHaveLength(0);
  });

  test("lets the rules' request for a person win without asking the model", async () => {
    behaviour = completion(JSON.stringify(valid));
    const decision = await decideReply(input(["quero falar com um atendente"]), { provider: provider() });
    expect(decision).toMatchObject({ source: "rules", intent: "human", handoff: true });
    expect(received).toHaveLength(0);
  });

  test("answers a handoff the model detected with the fixed short message", async () => {
    behaviour = completion(JSON.stringify({ ...valid, intent: "human", handoff: true, reply: "Claro, já chamo. Quer mais algo?" }));
    const decision = await decideReply(input(["me conecta com o financeiro"]), { provider: provider() });
    expect(decision).toMatchObject({ source: "model", intent: "human", handoff: true, questionStage: null });
    expect(decision.reply).not.toContain("?");
  });

  test("stays silent after a handoff without asking the model", async () => {
    behaviour = completion(JSON.stringify(valid));
    const decision = await decideReply(input(["oi?"], { handedOff: true }), { provider: provider() });
    expect(decision.reply).toBeNull();
    expect(received).toHaveLength(0);
  });
});

describe("what the model is sent", () => {
  test("each turn is capped and the whole history fits its budget, the newest turn always kept", async () => {
    const { chatMessages, MAX_HISTORY_CHARS, MAX_TURN_CHARS } = await import("../../lib/spin/model-prompt");
    const { defaultKnowledge } = await import("../../lib/spin");
    const history = Array.from({ length: 30 }, (_, i) => ({ author: i % 2 ? ("bot" as const) : ("customer" as const), text: `${i} `.repeat(2_000) }));
    const messages = chatMessages({
      stage: "situation",
      history,
      incoming: ["quanto custa?"],
      knowledge: defaultKnowledge("pt"),
      language: "pt",
      team: false,
    });
    const turns = messages.slice(1);
    expect(turns.at(-1)?.content).toBe("quanto custa?");
    expect(turns.every((turn) => turn.content.length <= MAX_TURN_CHARS + 1)).toBe(true);
    expect(turns.reduce((sum, turn) => sum + turn.content.length, 0)).toBeLessThanOrEqual(MAX_HISTORY_CHARS + MAX_TURN_CHARS);
  });

  test("a file the model cannot see is named by its kind, with its caption", async () => {
    const { chatMessages } = await import("../../lib/spin/model-prompt");
    const { defaultKnowledge } = await import("../../lib/spin");
    const history = [
      { author: "customer" as const, text: "", kind: "audio" as const },
      { author: "customer" as const, text: "segue a planilha", kind: "image" as const },
    ];
    const messages = chatMessages({ stage: "situation", history, incoming: ["e aí?"], knowledge: defaultKnowledge("pt"), language: "pt", team: false });
    expect(messages.slice(1, 3).map((message) => message.content)).toEqual(["[voice message]", "[image] segue a planilha"]);
  });
});

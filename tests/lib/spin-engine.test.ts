import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createModelProvider,
  decideReply,
  ModelProviderError,
  modelProviderFromEnv,
  type ChatTurn,
  type ReplyInput,
} from "../../lib/spin";

afterEach(() => {
  vi.unstubAllGlobals();
});

const persona = "Ana, consultora simpática";
const product = "SpinDesk";

function input(history: ChatTurn[], overrides: Partial<ReplyInput> = {}): ReplyInput {
  return { stage: "situation", history, persona, product, ...overrides };
}

const modelAnswer = { stage: "need_payoff", confidence: 0.9, reply: "Quer falar com um especialista?" };

function completion(content: string, status = 200): Response {
  return new Response(JSON.stringify({ choices: [{ message: { content } }] }), { status });
}

function providerAnswering(respond: typeof fetch, timeoutMs = 1_000) {
  return createModelProvider({ baseUrl: "https://ai.example/v1", model: "tiny", timeoutMs, fetch: respond });
}

const hangingFetch: typeof fetch = (_url, init) =>
  new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));

const customerSays = (text: string): ChatTurn => ({ author: "customer", text });
const botSays = (text: string): ChatTurn => ({ author: "bot", text });

describe("decideReply with the rules", () => {
  test("answers from the rules when no model is given", async () => {
    const decision = await decideReply(input([customerSays("Bom dia!")]));
    expect(decision).toMatchObject({ stage: "situation", source: "rules", handoff: false });
    expect(decision.reply.length).toBeGreaterThan(0);
  });

  test("moves the stage on the customer's latest messages", async () => {
    const history = [botSays("Como vocês atendem hoje?"), customerSays("pelo zap"), customerSays("mas é muito difícil, os clientes reclamam")];
    expect(await decideReply(input(history))).toMatchObject({ stage: "problem", source: "rules" });
  });

  test("ignores customer messages the bot already answered", async () => {
    const history = [customerSays("os clientes reclamam muito"), botSays("Entendi. E o que mais?"), customerSays("ok")];
    expect(await decideReply(input(history))).toMatchObject({ stage: "situation", confidence: 0 });
  });

  test("asks a need-payoff question once an implication is confirmed, without handing off yet", async () => {
    const history = [botSays("Vocês já perderam clientes por isso?"), customerSays("sim, isso faz com que a gente perca venda todo mês")];
    const decision = await decideReply(input(history, { stage: "implication" }));
    expect(decision).toMatchObject({ stage: "implication", handoff: false });
    expect(decision.reply).toContain("especialista");
  });

  test("hands off to a person once the customer expresses need-payoff", async () => {
    const history = [botSays("Se isso estivesse resolvido, o que mudaria?"), customerSays("seria ótimo, ajudaria demais ter uma solução pra isso")];
    const decision = await decideReply(input(history, { stage: "implication" }));
    expect(decision).toMatchObject({ stage: "need_payoff", handoff: true });
  });

  test("answers in the customer's language", async () => {
    const decision = await decideReply(input([customerSays("hi, how does this work for my team?")]));
    expect(decision.reply).toMatch(/^Hi! Ana here\./);
  });

  test("answers in the agent's fixed language when one is set", async () => {
    const decision = await decideReply(input([customerSays("hi, how does this work for my team?")], { language: "pt" }));
    expect(decision.reply).toMatch(/^Oi! Aqui é Ana\./);
  });

  test("does not repeat an earlier bot reply", async () => {
    const first = await decideReply(input([customerSays("oi")]));
    const second = await decideReply(input([customerSays("oi"), botSays(first.reply), customerSays("ok")]));
    expect(second.reply).not.toBe(first.reply);
  });
});

describe("decideReply with a model", () => {
  test("uses a valid model answer", async () => {
    const provider = providerAnswering(async () => completion(JSON.stringify(modelAnswer)));
    expect(await decideReply(input([customerSays("quero resolver isso")]), { provider })).toEqual({
      ...modelAnswer,
      handoff: true,
      source: "model",
    });
  });

  test.each([
    ["content that is not JSON", async () => completion("Olá! Como posso ajudar?")],
    ["an answer of the wrong shape", async () => completion(JSON.stringify({ ...modelAnswer, stage: "closing" }))],
    ["a server error", async () => new Response("boom", { status: 500 })],
    ["an unreachable server", async () => Promise.reject(new TypeError("fetch failed"))],
  ] as const)("falls back to the rules on %s", async (_name, respond: typeof fetch) => {
    const decision = await decideReply(input([customerSays("Bom dia!")]), { provider: providerAnswering(respond) });
    expect(decision).toMatchObject({ stage: "situation", source: "rules" });
  });

  test("falls back to the rules when the model times out", async () => {
    const decision = await decideReply(input([customerSays("Bom dia!")]), { provider: providerAnswering(hangingFetch, 20) });
    expect(decision.source).toBe("rules");
  });

  test("reports the model's failure before falling back", async () => {
    const onModelError = vi.fn();
    const provider = providerAnswering(async () => new Response("boom", { status: 503 }));
    await decideReply(input([customerSays("oi")]), { provider, onModelError });
    expect(onModelError).toHaveBeenCalledWith(expect.any(ModelProviderError));
  });

  test("answers from the rules when the provider is null", async () => {
    expect(await decideReply(input([customerSays("oi")]), { provider: null })).toMatchObject({ source: "rules" });
  });
});

describe("modelProviderFromEnv", () => {
  test("returns null without AI_BASE_URL", () => {
    expect(modelProviderFromEnv({ AI_MODEL: "tiny" })).toBeNull();
  });

  test("returns null without AI_MODEL", () => {
    expect(modelProviderFromEnv({ AI_BASE_URL: "https://ai.example/v1", AI_MODEL: " " })).toBeNull();
  });

  test("builds a provider without an API key, sending no Authorization header", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(modelAnswer)));
    vi.stubGlobal("fetch", fetch);
    const provider = modelProviderFromEnv({ AI_BASE_URL: "https://ai.example/v1", AI_MODEL: "tiny" });
    expect(provider).not.toBeNull();
    await provider!.reply({ stage: "problem", history: [], persona, product, language: "en" });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe("https://ai.example/v1/chat/completions");
    expect(new Headers(init!.headers).has("authorization")).toBe(false);
  });

  test("caps AI_TIMEOUT_MS at the caller's deadline", async () => {
    const hang = vi.fn<typeof globalThis.fetch>(
      (_url, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener("abort", () => reject(new Error("aborted")))),
    );
    vi.stubGlobal("fetch", hang);
    const provider = modelProviderFromEnv({ AI_BASE_URL: "https://ai.example/v1", AI_MODEL: "tiny", AI_TIMEOUT_MS: "600000" }, { maxTimeoutMs: 20 });
    await expect(provider!.reply({ stage: "problem", history: [], persona, product, language: "en" })).rejects.toMatchObject({ kind: "timeout" });
  });

  test("sends AI_API_KEY as a bearer token when set", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(modelAnswer)));
    vi.stubGlobal("fetch", fetch);
    const provider = modelProviderFromEnv({ AI_BASE_URL: "https://ai.example/v1", AI_MODEL: "tiny", AI_API_KEY: "sk-1" });
    await provider!.reply({ stage: "problem", history: [], persona, product, language: "en" });
    expect(new Headers(fetch.mock.calls[0][1]!.headers).get("authorization")).toBe("Bearer sk-1");
  });
});

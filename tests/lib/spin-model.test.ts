import { describe, expect, test, vi } from "vitest";
import { createModelProvider, ModelProviderError, type ModelRequest } from "../../lib/spin";
import { MAX_HISTORY_TURNS } from "../../lib/spin/model-prompt";

const request: ModelRequest = {
  stage: "problem",
  history: [
    { author: "bot", text: "Oi! Como vocês atendem hoje?" },
    { author: "customer", text: "tudo pelo zap, mas demora muito" },
  ],
  persona: "Ana, consultora simpática",
  product: "SpinDesk",
  language: "pt",
};

const answer = { stage: "implication", confidence: 0.8, reply: "E o que acontece com a venda quando demora?" };

function completion(content: string, status = 200): Response {
  return new Response(JSON.stringify({ choices: [{ message: { role: "assistant", content } }] }), { status });
}

function providerWith(fetch: typeof globalThis.fetch, timeoutMs = 1_000) {
  return createModelProvider({ baseUrl: "https://ai.example/v1/", apiKey: "sk-test", model: "tiny", timeoutMs, fetch });
}

/** Never answers; rejects only when its signal aborts, like a real fetch on a dead connection. */
const hangingFetch: typeof fetch = (_url, init) =>
  new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));

function sentBody(fetch: ReturnType<typeof vi.fn<typeof globalThis.fetch>>) {
  const [url, init] = fetch.mock.calls[0];
  return { url, init: init!, body: JSON.parse(String(init!.body)) };
}

describe("createModelProvider", () => {
  test("returns the model's validated answer", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(answer)));
    await expect(providerWith(fetch).reply(request)).resolves.toEqual(answer);
  });

  test("posts a JSON-mode chat completion to the base URL", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(answer)));
    await providerWith(fetch).reply(request);
    const { url, init, body } = sentBody(fetch);
    expect(url).toBe("https://ai.example/v1/chat/completions");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("authorization")).toBe("Bearer sk-test");
    expect(body).toMatchObject({ model: "tiny", response_format: { type: "json_object" } });
  });

  test("explains SPIN, the persona, the product and the language in the system prompt", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(answer)));
    await providerWith(fetch).reply(request);
    const system = sentBody(fetch).body.messages[0];
    expect(system.role).toBe("system");
    for (const part of ["SPIN", "need_payoff", "Ana, consultora simpática", "SpinDesk", "Brazilian Portuguese", "JSON"]) {
      expect(system.content).toContain(part);
    }
  });

  test("sends the customer as the user and the business as the assistant", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(answer)));
    await providerWith(fetch).reply({ ...request, history: [...request.history, { author: "human", text: "Sou o João" }] });
    const roles = sentBody(fetch).body.messages.slice(1).map((m: { role: string }) => m.role);
    expect(roles).toEqual(["assistant", "user", "assistant"]);
  });

  test("sends only the latest turns of a long conversation", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(answer)));
    const history = Array.from({ length: 50 }, (_, i) => ({ author: "customer" as const, text: `msg ${i}` }));
    await providerWith(fetch).reply({ ...request, history });
    const messages = sentBody(fetch).body.messages;
    expect(messages).toHaveLength(MAX_HISTORY_TURNS + 1);
    expect(messages.at(-1).content).toBe("msg 49");
  });

  test("accepts an answer wrapped in a Markdown fence", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion("```json\n" + JSON.stringify(answer) + "\n```"));
    await expect(providerWith(fetch).reply(request)).resolves.toEqual(answer);
  });

  test("fails with kind http and the status on a non-2xx answer", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response("overloaded", { status: 500 }));
    await expect(providerWith(fetch).reply(request)).rejects.toMatchObject({ kind: "http", status: 500 });
  });

  test("fails with kind bad_json when the content is not JSON", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion("Claro! Qual é o seu problema?"));
    await expect(providerWith(fetch).reply(request)).rejects.toMatchObject({ kind: "bad_json" });
  });

  test("fails with kind bad_json when the response body is not JSON", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response("<html>proxy error</html>"));
    await expect(providerWith(fetch).reply(request)).rejects.toMatchObject({ kind: "bad_json" });
  });

  test.each([
    ["an unknown stage", { ...answer, stage: "closing" }],
    ["a confidence above 1", { ...answer, confidence: 1.5 }],
    ["an empty reply", { ...answer, reply: "  " }],
    ["a missing reply", { stage: "problem", confidence: 0.5 }],
  ])("fails with kind schema on %s", async (_name, content) => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => completion(JSON.stringify(content)));
    await expect(providerWith(fetch).reply(request)).rejects.toMatchObject({ kind: "schema" });
  });

  test("fails with kind schema when the response has no choices", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify({ choices: [] })));
    await expect(providerWith(fetch).reply(request)).rejects.toMatchObject({ kind: "schema" });
  });

  test("fails with kind network when the server cannot be reached", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError("fetch failed");
    });
    await expect(providerWith(fetch).reply(request)).rejects.toMatchObject({ kind: "network" });
  });

  test("fails with kind timeout when no answer comes in time", async () => {
    const error = await providerWith(hangingFetch, 20).reply(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelProviderError);
    expect(error).toMatchObject({ kind: "timeout" });
  });

  test("times out even when the fetch ignores its abort signal", async () => {
    const deaf: typeof fetch = () => new Promise<Response>(() => undefined);
    await expect(providerWith(deaf, 20).reply(request)).rejects.toMatchObject({ kind: "timeout" });
  });
});

import { z } from "zod";
import { chatMessages, type ModelRequest } from "./model-prompt";
import { INTENTS, SPIN_ORDER } from "./types";

/** What the model must answer: the same fields the rule engine decides. */
export const modelAnswerSchema = z.object({
  stage: z.enum(SPIN_ORDER),
  intent: z.enum(INTENTS).nullable(),
  questionStage: z.enum(SPIN_ORDER).nullable(),
  reply: z.string().trim().min(1).max(1000),
  handoff: z.boolean(),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

export interface ModelProvider {
  reply(request: ModelRequest): Promise<ModelAnswer>;
}

export type ModelErrorKind = "network" | "http" | "timeout" | "bad_json" | "schema";

/** Every way a model call can fail, so callers can fall back without inspecting messages. */
export class ModelProviderError extends Error {
  readonly kind: ModelErrorKind;
  readonly status: number | null;

  constructor(kind: ModelErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ModelProviderError";
    this.kind = kind;
    this.status = options.status ?? null;
  }
}

export interface ModelProviderOptions {
  /** OpenAI-compatible API root, e.g. "https://api.openai.com/v1". */
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

// Some servers wrap the object in a Markdown fence even in JSON mode.
const FENCE = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/;

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(FENCE.exec(text)?.[1] ?? text);
  } catch (cause) {
    throw new ModelProviderError("bad_json", `The model's ${what} is not JSON.`, { cause });
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ModelProviderError("schema", `The model's ${what} has an unexpected shape.`, { cause: parsed.error });
  return parsed.data;
}

/** Rejects when the signal aborts, so even a fetch that ignores its signal cannot hang the caller. */
function abortion(signal: AbortSignal, timeoutMs: number): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener("abort", () => reject(new ModelProviderError("timeout", `No answer within ${timeoutMs} ms.`)));
  });
}

async function post(options: ModelProviderOptions, body: unknown, signal: AbortSignal): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    throw new ModelProviderError("network", "The model could not be reached.", { cause });
  }
  if (!response.ok) {
    // The error body is not needed; cancelling it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    throw new ModelProviderError("http", `The model answered HTTP ${response.status}.`, { status: response.status });
  }
  try {
    return await response.text();
  } catch (cause) {
    throw new ModelProviderError("network", "The model's response could not be read.", { cause });
  }
}

/** A chat-completions client whose answers are parsed and validated, or a ModelProviderError. */
export function createModelProvider(options: ModelProviderOptions): ModelProvider {
  return {
    async reply(request) {
      const body = {
        model: options.model,
        messages: chatMessages(request),
        response_format: { type: "json_object" },
        temperature: 0.4,
      };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        const raw = await Promise.race([post(options, body, controller.signal), abortion(controller.signal, options.timeoutMs)]);
        const completion = validate(completionSchema, parseJson(raw, "response"), "response");
        const content = completion.choices[0].message.content;
        return validate(modelAnswerSchema, parseJson(content, "answer"), "answer");
      } catch (error) {
        if (controller.signal.aborted) throw new ModelProviderError("timeout", `No answer within ${options.timeoutMs} ms.`, { cause: error });
        if (error instanceof ModelProviderError) throw error;
        throw new ModelProviderError("network", "The model call failed.", { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

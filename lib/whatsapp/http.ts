/** Evolution's transport: plain fetch + AbortController (no node: imports) so it runs in Convex's default runtime. */
import type { z } from "zod";
import { GatewayError, type EvolutionConfig, type GatewayErrorKind } from "./types";
import { maskPhones } from "../phone-masking";

const DEFAULT_TIMEOUT_MS = 10_000;
const DETAIL_LIMIT = 160;

export type GatewayRequest = {
  method: "GET" | "POST" | "DELETE";
  /** Already encoded, e.g. `/instance/connect/agent%20one`. */
  path: string;
  body?: unknown;
  /** Names the call in error messages ("connect", "sendText", ...). */
  operation: string;
};

export type GatewayHttp = <T>(request: GatewayRequest, schema: z.ZodType<T>) => Promise<T>;

/** One path segment, encoded so an instance name can never reach another route. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function createGatewayHttp(config: EvolutionConfig): GatewayHttp {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async function request<T>(req: GatewayRequest, schema: z.ZodType<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let status: number;
    let text: string;
    try {
      const headers: Record<string, string> = { apikey: config.apiKey, accept: "application/json" };
      if (req.body !== undefined) headers["content-type"] = "application/json";
      const response = await doFetch(`${baseUrl}${req.path}`, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
      });
      status = response.status;
      // Read inside the timeout too: a server that sends headers and then stalls must not hang the action.
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new GatewayError("timeout", `The WhatsApp gateway did not answer ${req.operation} within ${timeoutMs} ms.`);
      }
      throw new GatewayError("unavailable", `The WhatsApp gateway could not be reached (${req.operation}${networkCode(error)}).`);
    } finally {
      clearTimeout(timer);
    }

    const json = parseJson(text);
    if (status < 200 || status >= 300) throw errorFor(req.operation, status, json);
    if (json === undefined) {
      throw new GatewayError("invalid_response", `The WhatsApp gateway answered ${req.operation} with a body that is not JSON.`, status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
      throw new GatewayError("invalid_response", `The WhatsApp gateway answered ${req.operation} with an unexpected shape${where}.`, status);
    }
    return parsed.data;
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Node's fetch hides the reason in `cause.code` (ECONNREFUSED, ENOTFOUND...): safe to show, useful in logs. */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = cause?.code;
  return typeof code === "string" && /^[A-Z_]{3,40}$/.test(code) ? `: ${code}` : "";
}

/** Evolution's error body is `{ status, error, response: { message } }`, message a string or a list. */
export function errorDetail(json: unknown): string | null {
  const message = (json as { response?: { message?: unknown } } | null | undefined)?.response?.message;
  const parts = (Array.isArray(message) ? message : [message]).filter((part): part is string => typeof part === "string");
  if (parts.length === 0) return null;
  // Error texts can quote a recipient; phone numbers never go into messages or logs unmasked.
  const detail = maskPhones(parts.join("; "));
  return detail.length > DETAIL_LIMIT ? `${detail.slice(0, DETAIL_LIMIT)}…` : detail;
}

/** Evolution answers "number not on WhatsApp" with `message: [{ exists: false, jid, number }]`. */
function notOnWhatsApp(json: unknown): boolean {
  const message = (json as { response?: { message?: unknown } } | null | undefined)?.response?.message;
  return Array.isArray(message) && message.some((part) => (part as { exists?: unknown } | null)?.exists === false);
}

export function kindForStatus(status: number, detail: string | null): GatewayErrorKind {
  if (status >= 500 || status === 408 || status === 429) return "unavailable";
  if (status === 401) return "unauthorized";
  // Evolution answers a taken instance name with 403 "This name "x" is already in use.".
  if (status === 403) return detail !== null && /already in use/i.test(detail) ? "conflict" : "unauthorized";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  return "rejected";
}

function errorFor(operation: string, status: number, json: unknown): GatewayError {
  const detail = errorDetail(json);
  const kind = kindForStatus(status, detail);
  const suffix = detail ? `: ${detail}` : ".";
  switch (kind) {
    case "unauthorized":
      return new GatewayError(kind, `The WhatsApp gateway refused our API key (HTTP ${status}, ${operation}).`, status);
    case "unavailable":
      return new GatewayError(kind, `The WhatsApp gateway failed ${operation} (HTTP ${status}).`, status);
    case "rejected":
      if (notOnWhatsApp(json)) return new GatewayError(kind, "The recipient's number is not on WhatsApp.", status);
      return new GatewayError(kind, `The WhatsApp gateway refused ${operation} (HTTP ${status})${suffix}`, status);
    default:
      return new GatewayError(kind, `The WhatsApp gateway refused ${operation} (HTTP ${status})${suffix}`, status);
  }
}

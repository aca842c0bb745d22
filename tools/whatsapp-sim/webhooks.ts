import { setTimeout as sleep } from "node:timers/promises";
import { SignJWT } from "jose";
import { unixSeconds } from "./wa";

/** One instance's webhook, stored as Evolution stores it (event names in CONSTANT_CASE). */
export interface WebhookConfig {
  enabled: boolean;
  url: string;
  headers: Record<string, string>;
  byEvents: boolean;
  base64: boolean;
  events: string[];
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
}

export interface Delivery {
  id: number;
  event: string;
  url: string;
  outcome: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
}

export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

/** Evolution's WEBHOOK_RETRY_NON_RETRYABLE_STATUS_CODES default: everything else non-2xx is retried. */
const NON_RETRYABLE = new Set([400, 401, 403, 404, 422]);
const LOG_LIMIT = 200;

/** "messages.upsert" → "MESSAGES_UPSERT", the spelling used in webhook `events` lists. */
function eventConstant(event: string): string {
  return event.replace(/[.-]/g, "_").toUpperCase();
}

/** Evolution's `jwt_key` header mode: a fresh HS256 token per delivery, valid for ten minutes. */
async function webhookJwt(key: string, now = Date.now()): Promise<string> {
  const iat = unixSeconds(now);
  return new SignJWT({ app: "evolution", action: "webhook" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(iat)
    .setExpirationTime(iat + 600)
    .sign(new TextEncoder().encode(key));
}

async function requestHeaders(config: WebhookConfig): Promise<Headers> {
  const headers = new Headers({ "content-type": "application/json" });
  for (const [name, value] of Object.entries(config.headers)) {
    if (name !== "jwt_key") headers.set(name, value);
  }
  // The key itself never leaves: Evolution swaps it for the signed token.
  if ("jwt_key" in config.headers) headers.set("authorization", `Bearer ${await webhookJwt(config.headers.jwt_key)}`);
  return headers;
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid url)";
  }
}

export class WebhookDispatcher {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly logs = new Map<string, Delivery[]>();
  private readonly abort = new AbortController();
  private nextId = 1;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly log: (line: string) => void,
  ) {}

  /** Queues one event if the instance subscribed to it; an instance's deliveries go out one at a time, in order. */
  enqueue(instanceName: string, config: WebhookConfig | null, event: string, envelope: object): void {
    if (!config?.enabled || !config.events.includes(eventConstant(event))) return;
    const url = config.byEvents ? `${config.url}/${eventConstant(event).replace(/_/g, "-").toLowerCase()}` : config.url;
    const delivery: Delivery = { id: this.nextId++, event, url, outcome: "pending", attempts: [] };
    const log = this.logs.get(instanceName) ?? [];
    log.push(delivery);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    this.logs.set(instanceName, log);

    // Snapshot now: a later /webhook/set must not change what an already-emitted event is signed with.
    const snapshot = { ...config, headers: { ...config.headers } };
    const body = JSON.stringify(envelope);
    const previous = this.queues.get(instanceName) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(delivery, snapshot, body)).catch(() => undefined);
    this.queues.set(instanceName, next);
    void next.then(() => {
      if (this.queues.get(instanceName) === next) this.queues.delete(instanceName);
    });
  }

  deliveries(instanceName: string): Delivery[] {
    return this.logs.get(instanceName) ?? [];
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.queues.values()]);
  }

  private async deliver(delivery: Delivery, config: WebhookConfig, body: string): Promise<void> {
    const { maxAttempts } = this.policy;
    for (let attempt = 1; attempt <= maxAttempts && !this.abort.signal.aborted; attempt++) {
      const result = await this.post(delivery.url, config, body);
      delivery.attempts.push({ at: new Date().toISOString(), ...result });
      const shown = result.status ?? result.error;
      this.log(`webhook ${delivery.event} -> ${redactedUrl(delivery.url)} ${shown} (attempt ${attempt}/${maxAttempts})`);
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        delivery.outcome = "delivered";
        return;
      }
      if (result.status !== null && NON_RETRYABLE.has(result.status)) break;
      if (attempt < maxAttempts) await this.backoff(attempt);
    }
    delivery.outcome = "failed";
  }

  private async post(url: string, config: WebhookConfig, body: string): Promise<Omit<DeliveryAttempt, "at">> {
    try {
      const headers = await requestHeaders(config);
      const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.policy.timeoutMs)]);
      const response = await fetch(url, { method: "POST", headers, body, signal });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Exponential backoff with ±20% jitter, as Evolution's retry loop does (never below the first delay). */
  private async backoff(attempt: number): Promise<void> {
    const { initialDelayMs, maxDelayMs } = this.policy;
    const base = Math.min(initialDelayMs * 2 ** (attempt - 1), maxDelayMs);
    const delay = Math.max(initialDelayMs, base + base * 0.2 * (Math.random() * 2 - 1));
    await sleep(delay, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}

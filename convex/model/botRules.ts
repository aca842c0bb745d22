import type { Doc } from "../_generated/dataModel";

/**
 * The rules of the bot's reply pipeline (DESIGN "SPIN replies"), shared by the webhook ingest, the
 * lease mutations and the controls. One reply in flight per session, held by a lease that expires
 * by itself when a run crashes.
 */

/** A burst of customer messages inside this window gets one reply. */
export const REPLY_DEBOUNCE_MS = 2_000;
/** Longer than a run can take (model timeout + gateway timeout), short enough to recover from a crash. */
export const LEASE_MS = 60_000;
/** Attempts of one reply before the session is flagged `needsAttention`. */
export const MAX_REPLY_ATTEMPTS = 3;
/** Waits before attempts 2, 3, …: 2 s, then 8 s. */
export const RETRY_BACKOFF_MS = [2_000, 8_000] as const;
/** How many of the latest messages the bot reads to plan its reply. */
export const CONTEXT_MESSAGES = 20;

export function retryDelayMs(attempt: number): number {
  return RETRY_BACKOFF_MS[Math.min(attempt - 1, RETRY_BACKOFF_MS.length - 1)] ?? RETRY_BACKOFF_MS[0];
}

export function leaseHeld(session: Pick<Doc<"sessions">, "processingToken" | "processingExpiresAt">, now: number) {
  return session.processingToken !== undefined && (session.processingExpiresAt ?? 0) > now;
}

/** Customer messages stored but not yet covered by a bot reply. */
export function unansweredCount(session: Pick<Doc<"sessions">, "inboundSeq" | "answeredSeq">): number {
  return (session.inboundSeq ?? 0) - (session.answeredSeq ?? 0);
}

/** Whether the bot speaks in this session at all: its agent's AI is on and no person paused it. */
export function botActive(agent: Pick<Doc<"agents">, "aiEnabled" | "deletedAt">, session: Pick<Doc<"sessions">, "botPaused">) {
  return agent.aiEnabled && agent.deletedAt === undefined && !session.botPaused;
}

/** The lease fields cleared: no run holds the session. */
export const RELEASED_LEASE = { processingToken: undefined, processingExpiresAt: undefined } as const;

/** When a run asked for now may answer: not before the debounce of the latest burst ends. */
export function nextRunAt(session: Pick<Doc<"sessions">, "replyDueAt">, now: number): number {
  return Math.max(now, session.replyDueAt ?? 0);
}

import { firstResponseBucketOf, type CounterDelta, type Stage } from "./counters";

/**
 * What each stored row adds to the rollups, as a pure function of the row. The write path applies
 * `after − before` whenever it writes a row, and a rebuild sums the contributions of every row, so
 * the two can never disagree.
 */

export type Contribution = { agentId: string; at: number; delta: CounterDelta };

export type SessionFacts = {
  agentId: string;
  /** When the conversation started (its first message's time); sessions from before rollups have none. */
  startedAt?: number;
  firstResponseAt?: number;
  firstResponseMs?: number;
  /** The first time a person took the conversation over from the bot. */
  takenOverAt?: number;
};

export type MessageFacts = {
  agentId: string;
  direction: "in" | "out";
  author: "customer" | "bot" | "human";
  sentAt: number;
  stage?: Stage;
};

export type StageEventFacts = {
  agentId?: string;
  at: number;
  /** Stages this change reached for the first time in its session. */
  reached?: Stage[];
};

export function sessionContributions(session: SessionFacts): Contribution[] {
  const out: Contribution[] = [];
  const { agentId } = session;
  if (session.startedAt !== undefined) out.push({ agentId, at: session.startedAt, delta: { newSessions: 1, reached: { situation: 1 } } });
  if (session.firstResponseAt !== undefined && session.firstResponseMs !== undefined) {
    const delta = { firstResponseCount: 1, firstResponseSumMs: session.firstResponseMs, firstResponseBucket: firstResponseBucketOf(session.firstResponseMs) };
    out.push({ agentId, at: session.firstResponseAt, delta });
  }
  if (session.takenOverAt !== undefined) out.push({ agentId, at: session.takenOverAt, delta: { handovers: 1 } });
  return out;
}

export function messageContributions(message: MessageFacts): Contribution[] {
  const at = message.sentAt;
  if (message.direction === "in") return [{ agentId: message.agentId, at, delta: { messagesIn: 1 } }];
  if (message.author === "bot") {
    const questions = message.stage ? { [message.stage]: 1 } : {};
    return [{ agentId: message.agentId, at, delta: { messagesOutBot: 1, questions } }];
  }
  return [{ agentId: message.agentId, at, delta: { messagesOutHuman: 1 } }];
}

export function stageEventContributions(event: StageEventFacts): Contribution[] {
  if (event.agentId === undefined || !event.reached?.length) return [];
  const reached = Object.fromEntries(event.reached.map((stage) => [stage, 1]));
  return [{ agentId: event.agentId, at: event.at, delta: { reached } }];
}

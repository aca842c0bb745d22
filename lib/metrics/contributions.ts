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
  author: "customer" | "bot" | "human" | "note";
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
  // A private note is the team talking to itself: no message was sent or received.
  if (message.author === "note") return [];
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

/** The tables whose rows feed the rollups, in the order a rebuild scans them. */
export const ROLLUP_TABLES = ["sessions", "messages", "stageEvents"] as const;
export type RollupTable = (typeof ROLLUP_TABLES)[number];

type RowOf = { sessions: SessionFacts; messages: MessageFacts; stageEvents: StageEventFacts };

/** What a row of any rollup table contributes. */
export function contributionsOf<T extends RollupTable>(table: T, row: RowOf[T]): Contribution[] {
  if (table === "sessions") return sessionContributions(row as SessionFacts);
  if (table === "messages") return messageContributions(row as MessageFacts);
  return stageEventContributions(row as StageEventFacts);
}

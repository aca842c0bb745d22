import {
  messageContributions,
  sessionContributions,
  stageEventContributions,
  type Contribution,
} from "../../lib/metrics/contributions";
import type { Doc } from "../_generated/dataModel";
import type { RollupChange } from "./rollups";

/** The rollup side of writing a stored row, and the session facts a new message sets. */

type SessionFactFields = Pick<Doc<"sessions">, "agentId" | "startedAt" | "firstResponseAt" | "firstResponseMs" | "takenOverAt">;
type MessageFactFields = Pick<Doc<"messages">, "agentId" | "direction" | "author" | "sentAt" | "stage">;
type StageEventFactFields = Pick<Doc<"stageEvents">, "agentId" | "at" | "reached">;

const sameContributions = (a: Contribution[], b: Contribution[]) => JSON.stringify(a) === JSON.stringify(b);

/** A session written: nothing to do unless its rollup facts changed. */
export function sessionChange(before: Doc<"sessions"> | null, after: SessionFactFields): RollupChange {
  const was = before ? sessionContributions(before) : [];
  const is = sessionContributions(after);
  const moved = !sameContributions(was, is);
  return { table: "sessions", creationTime: before?._creationTime ?? null, before: moved ? was : [], after: moved ? is : [] };
}

export function messageChange(before: Doc<"messages"> | null, after: MessageFactFields | null): RollupChange {
  return {
    table: "messages",
    creationTime: before?._creationTime ?? null,
    before: before ? messageContributions(before) : [],
    after: after ? messageContributions(after) : [],
  };
}

export function newStageEventChange(event: StageEventFactFields): RollupChange {
  return { table: "stageEvents", creationTime: null, before: [], after: stageEventContributions(event) };
}

type FactsSource = Pick<Doc<"sessions">, "firstInboundAt" | "firstResponseAt" | "takenOverAt">;

/**
 * The facts one more message sets on its session, each once: the first customer message, the first
 * reply after it (first-response time), and the first time a person took over from the bot.
 */
export function factsPatchForMessage(
  session: FactsSource,
  message: { direction: Doc<"messages">["direction"]; sentAt: number },
  takeover: boolean,
): Partial<Doc<"sessions">> {
  const patch: Partial<Doc<"sessions">> = {};
  if (message.direction === "in" && session.firstInboundAt === undefined) patch.firstInboundAt = message.sentAt;
  if (message.direction === "out" && session.firstInboundAt !== undefined && session.firstResponseAt === undefined) {
    patch.firstResponseAt = message.sentAt;
    // Provider clocks and ours differ by a little: a reply is never faster than instant.
    patch.firstResponseMs = Math.max(0, message.sentAt - session.firstInboundAt);
  }
  if (takeover && session.takenOverAt === undefined) patch.takenOverAt = message.sentAt;
  return patch;
}

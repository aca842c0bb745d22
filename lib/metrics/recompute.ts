import { localDayOf } from "../time/windows";
import {
  messageContributions,
  sessionContributions,
  stageEventContributions,
  type MessageFacts,
  type SessionFacts,
  type StageEventFacts,
} from "./contributions";
import { applyDelta, zeroCounters, type Counters } from "./counters";

/**
 * The rollups recomputed from scratch out of raw rows: what the incremental write path must always
 * equal (tests), keyed `agentId|YYYY-MM-DD` in the given time zone.
 */
export function recomputeRollups(
  timeZone: string,
  rows: { sessions: SessionFacts[]; messages: MessageFacts[]; stageEvents: StageEventFacts[] },
): Map<string, Counters> {
  const totals = new Map<string, Counters>();
  const contributions = [
    ...rows.sessions.flatMap(sessionContributions),
    ...rows.messages.flatMap(messageContributions),
    ...rows.stageEvents.flatMap(stageEventContributions),
  ];
  for (const { agentId, at, delta } of contributions) {
    const key = `${agentId}|${localDayOf(timeZone, at)}`;
    totals.set(key, applyDelta(totals.get(key) ?? zeroCounters(), delta));
  }
  return totals;
}

import { introFor } from "./compose";
import type { AgentKnowledge } from "./knowledge";
import { PHRASEBOOKS, fill, pick } from "./replies";
import type { Language } from "./types";

/**
 * The organization's business hours as the engine sees them: words only, already in both languages,
 * so the engine stays free of clocks and time zones (the caller computes "closed until Monday 09:00").
 */
export interface OpeningHours {
  /** The week as a customer reads it ("Segunda a sexta, 09:00–18:00…"): answers "what are your hours?" when the agent wrote none. */
  week: Record<Language, string>;
  /** Set while the team is closed. */
  closed: {
    /** When the team is back, from now: "segunda às 09:00" / "Monday at 09:00". */
    reopens: Record<Language, string>;
    /** This conversation has not been told yet in this closed period. */
    notify: boolean;
  } | null;
}

/** The agent's knowledge, its empty hours text filled from the org's structured hours. */
export function knowledgeWithHours(knowledge: AgentKnowledge, opening: OpeningHours | undefined, language: Language): AgentKnowledge {
  if (knowledge.businessHours.trim() !== "" || !opening?.week[language]) return knowledge;
  return { ...knowledge, businessHours: opening.week[language] };
}

export interface ClosedReply {
  reply: string;
  /** The reply told the customer the team is closed and when it is back. */
  closedNotice: boolean;
}

/**
 * A reply sent outside business hours: a handoff says when the person will answer; any other reply
 * tells the customer once (per closed period) that the team is closed and when it is back, just
 * after the bot's introduction, and keeps its question: the bot goes on qualifying.
 */
export function closedReply(
  reply: string,
  turn: { handoff: boolean; language: Language; team: boolean; knowledge: AgentKnowledge },
  closed: NonNullable<OpeningHours["closed"]>,
): ClosedReply {
  const book = PHRASEBOOKS[turn.language];
  const slots = { reopens: closed.reopens[turn.language] };
  if (turn.handoff) return { reply: `${reply} ${fill(pick(book.closedHandoff, turn.team), slots)}`, closedNotice: true };
  if (!closed.notify) return { reply, closedNotice: false };
  const notice = fill(pick(book.closedNotice, turn.team), slots);
  const intro = introFor(turn.knowledge, turn.language);
  if (reply.startsWith(`${intro} `)) return { reply: `${intro} ${notice} ${reply.slice(intro.length + 1)}`, closedNotice: true };
  return { reply: `${notice} ${reply}`, closedNotice: true };
}

/**
 * The inbox views (Chatwoot-style). A view shows conversations of one status, `open` unless the status
 * filter says otherwise; the sidebar counts are of open conversations only, since open is what
 * needs the team. Membership is decided here once, for the list queries (each view is one index
 * range, convex/inbox.ts) and for the counters trigger (convex/model/inboxCounts.ts) alike.
 */
export const INBOX_VIEWS = ["mine", "unassigned", "waiting", "bot", "attention", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export function isInboxView(value: unknown): value is InboxView {
  return typeof value === "string" && (INBOX_VIEWS as readonly string[]).includes(value);
}

/** The session fields a view depends on. */
export type ViewFacts = {
  status: string;
  assigneeId?: string;
  waitingSince?: number;
  botPaused: boolean;
  needsAttention: boolean;
};

/** Whether a session of any status belongs to a view (before the status filter). */
export function inView(view: InboxView, session: ViewFacts, viewerId: string | null): boolean {
  switch (view) {
    case "mine":
      return viewerId !== null && session.assigneeId === viewerId;
    case "unassigned":
      return session.assigneeId === undefined;
    case "waiting":
      return session.waitingSince !== undefined;
    case "bot":
      // The bot answers: not paused by a person, and nobody is being waited for.
      return !session.botPaused && session.waitingSince === undefined;
    case "attention":
      return session.needsAttention;
    case "all":
      return true;
  }
}

/** The counter keys an open session adds one to: every shared view it is in, and its owner's Mine. */
export function counterKeysOf(session: ViewFacts): string[] {
  if (session.status !== "open") return [];
  const keys: string[] = INBOX_VIEWS.filter((view) => view !== "mine" && inView(view, session, null));
  if (session.assigneeId !== undefined) keys.push(mineKey(session.assigneeId));
  return keys;
}

export function mineKey(userId: string): string {
  return `mine:${userId}`;
}

/**
 * A conversation's place in the team's day (Chatwoot-style): `open` needs the team, `pending` waits on
 * the customer, `snoozed` is out of sight until a chosen time or the customer's next message, and
 * `resolved` is done until the customer writes again.
 */
export const SESSION_STATUSES = ["open", "pending", "snoozed", "resolved"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export function isSessionStatus(value: unknown): value is SessionStatus {
  return typeof value === "string" && (SESSION_STATUSES as readonly string[]).includes(value);
}

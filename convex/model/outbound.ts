import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { fail } from "../lib/errors";
import { sendTargetOf } from "./contacts";

/**
 * What every send from SpinDesk's composer checks (text, media, and their retries), and the quote a
 * reply carries. Called with an org-scoped db: another org's ids are NOT_FOUND.
 */

/** WhatsApp's limit for a media caption. */
export const MAX_CAPTION_LENGTH = 1024;
/** The quoted words kept with a reply, enough for the block above the bubble. */
const QUOTE_SNIPPET_LENGTH = 280;

export async function sendableAgentX(db: DatabaseReader, agentId: Id<"agents">) {
  const agent = await db.get("agents", agentId);
  if (agent === null || agent.deletedAt !== undefined) {
    fail("CONFLICT", "This WhatsApp number was removed. The conversation stays here to read.");
  }
  if (agent.status !== "open") fail("CONFLICT", "This WhatsApp number is disconnected. Reconnect it to reply.");
  return agent;
}

/**
 * Writing in a resolved, snoozed or pending conversation is picking it up again: it reopens (a
 * salesperson following a lead up expects it back in the open views, not hidden).
 */
export function reopenedBy(session: Doc<"sessions">): Partial<Doc<"sessions">> {
  return session.status === "open" ? {} : { status: "open", snoozedUntil: undefined };
}

/** The conversation a member replies in, its agent and where the reply goes. */
export async function replyTargetX(db: DatabaseReader, sessionId: Id<"sessions">) {
  const session = await db.get("sessions", sessionId);
  if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
  // The number first: nothing helps a conversation whose number is gone or disconnected.
  const agent = await sendableAgentX(db, session.agentId);
  const contact = await db.get("contacts", session.contactId);
  if (contact === null) fail("NOT_FOUND", "This conversation's contact does not exist.");
  return { session, agent, contact, number: sendTargetOf(contact) };
}

/** The quote stored with a reply to `quotedMessageId`: a message of the same conversation that WhatsApp knows. */
export async function quoteOfX(
  db: DatabaseReader,
  session: Doc<"sessions">,
  quotedMessageId: Id<"messages"> | undefined,
): Promise<Doc<"messages">["quoted"]> {
  if (quotedMessageId === undefined) return undefined;
  const quoted = await db.get("messages", quotedMessageId);
  if (quoted === null || quoted.sessionId !== session._id) fail("NOT_FOUND", "The message to reply to does not exist.");
  if (quoted.externalId === undefined) fail("CONFLICT", "This message has not reached WhatsApp yet, so it cannot be quoted.");
  const text = quoted.deletedAt === undefined ? quoted.text.slice(0, QUOTE_SNIPPET_LENGTH) : undefined;
  const kind = quoted.kind !== undefined && quoted.kind !== "text" ? { kind: quoted.kind } : {};
  return { externalId: quoted.externalId, messageId: quoted._id, ...(text ? { text } : {}), ...kind };
}

import { searchTextOf } from "../../lib/inbox/search-text";
import type { Doc } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";

/**
 * The `searchText` of messages and contacts, kept by triggers (lib/triggers.ts) so every writer —
 * ingest, the composer, the bot, edits, notes — is searchable without remembering to be.
 */

/** A message deleted for everyone is kept for the audit but no longer found. */
export function messageSearchText(message: Pick<Doc<"messages">, "text" | "deletedAt">): string {
  return message.deletedAt === undefined ? searchTextOf(message.text) : "";
}

export function contactSearchText(contact: Pick<Doc<"contacts">, "name" | "whatsappName">): string {
  return searchTextOf([contact.name, contact.whatsappName].filter(Boolean).join(" "));
}

/** Writes through the trigger's inner db: fixing the field is not itself a change to react to. */
export async function syncMessageSearchText(db: DatabaseWriter, message: Doc<"messages"> | null) {
  if (message === null) return;
  const searchText = messageSearchText(message);
  if (message.searchText !== searchText) await db.patch("messages", message._id, { searchText });
}

export async function syncContactSearchText(db: DatabaseWriter, contact: Doc<"contacts"> | null) {
  if (contact === null) return;
  const searchText = contactSearchText(contact);
  if (contact.searchText !== searchText) await db.patch("contacts", contact._id, { searchText });
}

import { readPersona } from "../../lib/spin/persona";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import type { MessageAuthor } from "./messages";

/**
 * Who wrote each message of a page, resolved at read time so a renamed member or persona shows
 * everywhere at once: one `users` read per distinct member, one agent read for the bot's persona.
 * Row-level security hides a user who left the org: their messages then show no name.
 */
export async function authorsOfPage(db: DatabaseReader, session: Doc<"sessions">, messages: Doc<"messages">[]) {
  const members = new Map<Id<"users">, MessageAuthor | null>();
  for (const message of messages) {
    const userId = message.authorUserId;
    if (userId === undefined || members.has(userId)) continue;
    const user = await db.get("users", userId);
    members.set(userId, user === null ? null : { name: user.name, imageUrl: user.imageUrl ?? null });
  }
  const wroteByBot = messages.some((message) => message.author === "bot");
  const agent = wroteByBot ? await db.get("agents", session.agentId) : null;
  // The persona is free text ("I'm Ana, a sales assistant"): the name it introduces, when it gives one.
  const personaName = agent === null ? null : readPersona(agent.persona).name;
  const persona: MessageAuthor | null = personaName === null ? null : { name: personaName, imageUrl: null };
  return (message: Doc<"messages">): MessageAuthor | null => {
    if (message.author === "bot") return persona;
    return message.authorUserId === undefined ? null : (members.get(message.authorUserId) ?? null);
  };
}

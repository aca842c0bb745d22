/**
 * Quick replies: canned texts with `{{variables}}`, rendered in the composer when inserted, so the
 * person sees (and may edit) exactly what the customer will read.
 */
export const MAX_QUICK_REPLY_TEXT = 1000;
export const MAX_SHORTCUT_LENGTH = 32;
export const MAX_QUICK_REPLIES_PER_ORG = 200;

/** A shortcut is what follows "/" in the composer: lowercase letters, digits, "-" and "_". */
export function normalizeShortcut(raw: string): string | null {
  const shortcut = raw.trim().replace(/^\/+/, "").toLowerCase();
  if (shortcut.length === 0 || shortcut.length > MAX_SHORTCUT_LENGTH) return null;
  return /^[\p{Ll}\p{N}_-]+$/u.test(shortcut) ? shortcut : null;
}

export type QuickReplyContext = {
  /** The contact's name as the team knows it, or null when only the number is known. */
  contactName: string | null;
  /** The bot's persona name (the agent's), e.g. "Ana". */
  agentName: string | null;
  /** The person inserting the reply. */
  myName: string | null;
};

const firstNameOf = (name: string | null) => name?.trim().split(/\s+/)[0] ?? "";

/**
 * Replaces the known variables; an unknown name is left as typed (so a typo shows), and a missing
 * value becomes an empty string with the space before it removed ("Oi {{contact.first_name}}!" → "Oi!").
 */
export function renderQuickReply(text: string, context: QuickReplyContext): string {
  const values: Record<string, string> = {
    "contact.first_name": firstNameOf(context.contactName),
    "contact.name": context.contactName?.trim() ?? "",
    "agent.name": context.agentName?.trim() ?? "",
    "me.first_name": firstNameOf(context.myName),
    "me.name": context.myName?.trim() ?? "",
  };
  return text.replace(/( ?)\{\{\s*([\w.]+)\s*\}\}/g, (whole, space: string, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return value === "" ? "" : `${space}${value}`;
  });
}

/** Quick replies whose shortcut starts with (then contains) what was typed after "/". */
export function matchQuickReplies<T extends { shortcut: string }>(replies: T[], typed: string): T[] {
  const query = typed.toLowerCase();
  const starts = replies.filter((reply) => reply.shortcut.startsWith(query));
  const contains = replies.filter((reply) => !reply.shortcut.startsWith(query) && reply.shortcut.includes(query));
  return [...starts, ...contains];
}

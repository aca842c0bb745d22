/**
 * Rows stored before message kinds existed kept media as a leading "[kind]" placeholder in their text;
 * this still renders them. New rows store `kind` (and the caption, or "", as text) and never match.
 */
export const MEDIA_KINDS = ["image", "video", "audio", "document", "sticker", "location", "contact", "poll"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

const PLACEHOLDER = /^\[(\w+)\](?:\s+([\s\S]*))?$/;

/** A stored message text split into its media kind and caption; null when it is plain text. Pure. */
export function parseMediaText(text: string): { kind: MediaKind; caption: string | null } | null {
  const match = PLACEHOLDER.exec(text);
  if (match === null) return null;
  const kind = MEDIA_KINDS.find((candidate) => candidate === match[1]);
  if (kind === undefined) return null;
  const caption = match[2]?.trim() ?? "";
  return { kind, caption: caption === "" ? null : caption };
}

/**
 * Label colours: a fixed palette, each rendered as dark text on a light tint (WCAG AA), so no
 * admin can pick an unreadable chip.
 */
export const LABEL_COLORS = ["slate", "rose", "orange", "amber", "emerald", "teal", "sky", "indigo", "violet", "fuchsia"] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export const MAX_LABEL_NAME = 40;
/** Labels one conversation may carry. */
export const MAX_LABELS_PER_SESSION = 10;
/** Labels one organization may define: enough for any team, small enough to read in one go. */
export const MAX_LABELS_PER_ORG = 100;

export function isLabelColor(value: string): value is LabelColor {
  return (LABEL_COLORS as readonly string[]).includes(value);
}

/** Names compare without case or accents: "Orçamento" and "orcamento" are the same label. */
export function labelKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().trim();
}

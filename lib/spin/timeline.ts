import type { Language } from "./types";

// Long messages are cut so a timeline row stays one line.
const MAX_QUOTE = 120;

/** The salesperson-facing reason a stage was reached: "disse: 'perdemos uns 20 pedidos'". */
export function stageReason(quote: string, uiLanguage: Language = "pt"): string {
  const text = quote.trim().replace(/\s+/g, " ");
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
  return uiLanguage === "pt" ? `disse: '${short}'` : `said: '${short}'`;
}

import { v, type Infer } from "convex/values";
import { openingStatus } from "../../lib/business-hours";
import { openingLabel, weekSummary } from "../../lib/business-hours-labels";
import { SPIN_LANGUAGES, type Language } from "../../lib/spin/types";
import type { Doc } from "../_generated/dataModel";

/**
 * The org's business hours as the bot's turn sees them (lib/spin OpeningHours): computed here, in the
 * org's time zone at the moment the run takes its lease, so the engine gets words and no clock.
 */

const inEachLanguage = v.object({ pt: v.string(), en: v.string() });

export const botOpeningValidator = v.object({
  week: inEachLanguage,
  closed: v.union(
    v.null(),
    // `opensAt` is what the session remembers once told, so the notice is given once per closed period.
    v.object({ reopens: inEachLanguage, notify: v.boolean(), opensAt: v.number() }),
  ),
});
export type BotOpening = Infer<typeof botOpeningValidator>;

const eachLanguage = (words: (language: Language) => string) =>
  Object.fromEntries(SPIN_LANGUAGES.map((language) => [language, words(language)])) as Record<Language, string>;

/** Null when the org never set its hours (nothing is ever "outside business hours" then). */
export function botOpening(org: Doc<"organizations">, session: Doc<"sessions">, now: number): BotOpening | null {
  const hours = org.businessHours;
  const status = openingStatus(hours, org.timezone, now);
  if (hours === undefined || status === null) return null;
  const week = eachLanguage((language) => weekSummary(hours, language));
  if (status.open || status.opensAt === null) return { week, closed: null };
  const opensAt = status.opensAt;
  const reopens = eachLanguage((language) => openingLabel(opensAt, now, org.timezone, language));
  return { week, closed: { reopens, notify: session.closedNoticeFor !== opensAt, opensAt } };
}

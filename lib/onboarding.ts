/**
 * The first-run checklist a new organization lands on (`/org/[orgId]/onboarding`), in order:
 * connect the first WhatsApp number, set the bot up, send a test message, invite teammates.
 */
export const ONBOARDING_STEPS = ["connect", "bot", "test", "team"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

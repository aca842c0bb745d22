/**
 * The first-run checklist a new organization lands on (`/org/[orgId]/onboarding`), in order:
 * connect the first WhatsApp number, set the bot up, send a test message, invite teammates.
 */
export const ONBOARDING_STEPS = ["connect", "bot", "test", "team"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** The pretend customer of the offline test message (a São Paulo mobile number no one owns). */
export const TEST_CUSTOMER_NUMBER = "5511900000001";

/** The simulator's phone page for `instanceName` (to scan its QR); with `customer`, their chat opens with `text` typed in. */
export function simulatorPhoneUrl(simulatorUrl: string, instanceName: string, customer?: { name: string; text: string }): string {
  const phone = `${simulatorUrl}/phone/${encodeURIComponent(instanceName)}`;
  if (customer === undefined) return phone;
  const query = new URLSearchParams({ from: TEST_CUSTOMER_NUMBER, name: customer.name, text: customer.text });
  return `${phone}?${query.toString()}`;
}

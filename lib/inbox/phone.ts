import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * A WhatsApp number for people to read, in full (the team's view; logs mask it, lib/phone-masking.ts):
 * international format from libphonenumber-js, with Brazil's customary hyphen before the last four
 * ("+55 11 99999-0001"). Anything that is not digits (a LID) or no possible number is shown as is.
 */
export function formatPhoneFull(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits;
  const phone = parsePhoneNumberFromString(`+${digits}`);
  if (phone === undefined || !phone.isPossible()) return `+${digits}`;
  const international = phone.formatInternational();
  return phone.countryCallingCode === "55" ? international.replace(/ (\d{4})$/, "-$1") : international;
}

import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js";

/**
 * Phone numbers never reach logs or error texts in full (DESIGN "Logs": `+55 11 9****-1234`). Text
 * is scanned for phone-like sequences (international, Brazilian national formats, raw digit runs,
 * WhatsApp JIDs); each candidate is parsed with libphonenumber-js and masked only when it is a
 * possible number, so dates, prices and ids shorter than a phone pass through untouched.
 */

/** Brazil: where a number written without a country code is read from (the product's home market). */
const HOME_COUNTRY = "BR";

// One alternation, tried left to right at each position; never starts or ends inside a word or number.
const CANDIDATES = [
    // A WhatsApp JID: `5511988887777@s.whatsapp.net`, `5511988887777:12@s.whatsapp.net`, `...@c.us`.
    String.raw`(?<jid>\d{8,15})(?::\d{1,3})?@(?:s\.whatsapp\.net|c\.us)`,
    // International: `+55 (11) 98888-7777`, `+1 415.555.0100`, `+5511988887777`.
    String.raw`(?<international>\+\s?\d(?:[\s().-]{0,2}\d){6,16})`,
    // Brazilian national: `(11) 98888-7777`, `11 98888-7777`, `11 3333-4444`.
    String.raw`(?<national>\(?\d{2}\)?[\s.-]?\d{4,5}[\s.-]\d{4})`,
    // Raw digits as long as a phone number (with or without its country code).
    String.raw`(?<raw>\d{10,15})`,
].join("|");
// Not glued to a word or another number (a decimal part, a longer id) on either side.
const PHONE_LIKE = new RegExp(String.raw`(?<![\w+@.,])(?:${CANDIDATES})(?![\w@]|[.,]\d)`, "g");

type Candidate = Partial<Record<"jid" | "international" | "national" | "raw", string>>;

function parsed({ jid, international, national, raw }: Candidate): PhoneNumber | undefined {
  if (jid !== undefined) return parsePhoneNumberFromString(`+${jid}`);
  if (international !== undefined) return parsePhoneNumberFromString(international);
  if (national !== undefined) return parsePhoneNumberFromString(national, HOME_COUNTRY);
  if (raw === undefined) return undefined;
  // WhatsApp writes numbers as digits with their country code; ten or eleven digits may be a
  // Brazilian national number instead, when read with a country code they are no real number.
  const withCode = parsePhoneNumberFromString(`+${raw}`);
  if (withCode?.isValid()) return withCode;
  const asNational = raw.length <= 11 ? parsePhoneNumberFromString(raw, HOME_COUNTRY) : undefined;
  return asNational?.isPossible() ? asNational : withCode;
}

/** `+55 11 9****-1234`: the country and area codes, the subscriber's first digit and last four. */
export function maskPhone(phone: PhoneNumber): string {
  const groups = phone.formatInternational().split(" ");
  const area = groups.length >= 3 ? groups[1] : "";
  const national = String(phone.nationalNumber);
  const subscriber = national.slice(area.length);
  const last = subscriber.slice(-4);
  return [`+${phone.countryCallingCode}`, area, `${subscriber.slice(0, 1)}****-${last}`].filter(Boolean).join(" ");
}

/** The text with every phone number in it masked; anything that is not a possible number is kept. */
export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, (...args: unknown[]) => {
    // With named groups, the last argument `replace` passes is the groups object.
    const phone = parsed(args.at(-1) as Candidate);
    return phone?.isPossible() ? maskPhone(phone) : String(args[0]);
  });
}

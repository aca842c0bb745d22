/**
 * A WhatsApp number for people to read, in full (the team's view; logs mask it): Brazilian numbers
 * as "+55 11 99999-0001", others as "+<digits>". Anything that is not digits (a LID) is shown as is.
 */
export function formatPhoneFull(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits;
  const brazil = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits);
  if (brazil) return `+55 ${brazil[1]} ${brazil[2]}-${brazil[3]}`;
  return `+${digits}`;
}

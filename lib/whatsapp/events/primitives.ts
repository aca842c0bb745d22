import { z } from "zod";

/** Small readers shared by the Evolution event parsers. Pure (zod only). */

export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/** WhatsApp's launch (2009) to 2100: anything outside is a forged or broken stamp, refused with 400. */
export const MESSAGE_TIME_RANGE = { min: 1_230_768_000, max: 4_102_444_800 } as const;

/** A protobuf `Long` as JSON turns it: `{ low, high, unsigned? }` (two 32-bit halves). */
const longObject = z
  .object({ low: z.number().int(), high: z.number().int() })
  .transform(({ low, high }) => (high >>> 0) * 2 ** 32 + (low >>> 0));

/** Baileys numbers (uint64/int64) reach JSON as a number, a digit string or a protobuf Long. */
export const longNumber = z.union([
  z.number().finite().nonnegative(),
  z
    .string()
    .regex(/^\d{1,16}$/)
    .transform(Number),
  longObject,
]);

/** Unix seconds, in any of the Long shapes, within MESSAGE_TIME_RANGE. */
export const unixSeconds = longNumber.pipe(z.number().int().min(MESSAGE_TIME_RANGE.min).max(MESSAGE_TIME_RANGE.max));

export type Content = Record<string, unknown>;

export const asContent = (value: unknown): Content | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Content) : null;

/** A non-blank string field, or null. */
export const textField = (value: unknown, field: string): string | null => {
  const text = asContent(value)?.[field];
  return typeof text === "string" && text.trim().length > 0 ? text : null;
};

/** A Long-ish number field (fileLength, seconds, timestampMs), or undefined when absent or unreadable. */
export function numberField(value: unknown, field: string): number | undefined {
  const raw = asContent(value)?.[field];
  if (raw === undefined || raw === null) return undefined;
  const parsed = longNumber.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Milliseconds since the epoch from a Long-ish ms field, only when plausible (else undefined). */
export function epochMsField(value: unknown, field: string): number | undefined {
  const ms = numberField(value, field);
  if (ms === undefined) return undefined;
  return ms >= MESSAGE_TIME_RANGE.min * 1000 && ms <= MESSAGE_TIME_RANGE.max * 1000 ? ms : undefined;
}

export const PHONE_SUFFIX = "@s.whatsapp.net";
export const LID_SUFFIX = "@lid";

/** The international digits of a JID: `5511999990001:12@s.whatsapp.net` → `5511999990001`. */
export function digitsOfJid(jid: string): string {
  return jid.split("@")[0].split(":")[0].replace(/\D/g, "");
}

/** A phone given as digits (`senderPn`, `phoneNumber`) or as a JID, as a phone JID without device. */
export function phoneJidOf(value: string): string | null {
  if (value.includes("@") && !value.endsWith(PHONE_SUFFIX)) return null;
  const digits = digitsOfJid(value);
  return digits.length >= 6 ? `${digits}${PHONE_SUFFIX}` : null;
}

/**
 * One person's JIDs from every field that may carry them: the phone JID wins as the primary (replies
 * go to a number), the LID (or other alias) is kept as the alternate. A person known only by a LID
 * keeps it, which the gateway can still send to.
 */
export function personJids(candidates: (string | null | undefined)[]): { waJid: string; waJidAlt?: string } | null {
  const jids = candidates
    .filter((jid): jid is string => typeof jid === "string" && jid.trim().length > 0)
    .map((jid) => (jid.includes("@") ? (jid.endsWith(PHONE_SUFFIX) ? (phoneJidOf(jid) ?? jid) : jid) : (phoneJidOf(jid) ?? jid)));
  if (jids.length === 0) return null;
  const waJid = jids.find((jid) => jid.endsWith(PHONE_SUFFIX)) ?? jids[0];
  const waJidAlt = jids.find((jid) => jid !== waJid && jid.includes("@"));
  return waJidAlt === undefined ? { waJid } : { waJid, waJidAlt };
}

export type SkipReason = "group" | "broadcast";

export function groupOrBroadcast(jid: string): SkipReason | null {
  if (jid.endsWith("@g.us")) return "group";
  if (jid.endsWith("@broadcast") || jid.endsWith("@newsletter")) return "broadcast";
  return null;
}

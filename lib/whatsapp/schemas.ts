/**
 * Evolution API v2 answers, as lenient as the real server needs (extra fields are ignored) and as strict as
 * SpinDesk needs (the fields it reads must be there with the right type).
 */
import { z } from "zod";

/** Evolution's `qrCode` getter: `code`/`base64` are absent until Baileys has rendered the first QR. */
export const qrCodeFields = z.object({
  pairingCode: z.string().nullish(),
  code: z.string().nullish(),
  base64: z.string().nullish(),
  count: z.number().nullish(),
});
export type QrCodeFields = z.infer<typeof qrCodeFields>;

export const createInstanceResponse = z.object({
  instance: z.object({ instanceName: z.string(), instanceId: z.string().min(1) }),
  qrcode: qrCodeFields.nullish(),
});

/** `{ instance: { instanceName, state } }`; some releases answer connect's odd states with `status`. */
const instanceState = z.object({
  instance: z.object({ state: z.string().nullish(), status: z.string().nullish() }),
  qrcode: qrCodeFields.nullish(),
});

/** Evolution's connect controller catches its own errors and answers 200 `{ error: true, message }`. */
const controllerError = z.object({ error: z.literal(true), message: z.unknown().optional() });

export const connectResponse = z.union([controllerError, instanceState, qrCodeFields.extend({ instance: z.undefined().optional() })]);

export const connectionStateResponse = z.object({
  instance: z.object({ state: z.string().nullish() }),
});

/** Baileys timestamps reach JSON as a number, a digit string or a protobuf Long `{ low, high }`. */
const unixSeconds = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  z.object({ low: z.number().int(), high: z.number().int() }).transform(({ low, high }) => (high >>> 0) * 2 ** 32 + (low >>> 0)),
]);

export const sendTextResponse = z.object({
  key: z.object({ id: z.string().min(1), remoteJid: z.string().min(1), fromMe: z.boolean().optional() }),
  messageTimestamp: unixSeconds,
});

/** `POST /chat/getBase64FromMediaMessage`: the file as base64 (sometimes a data URL) with its type. */
export const mediaBase64Response = z.object({
  base64: z.string().min(1),
  mimetype: z.string().nullish(),
  fileName: z.string().nullish(),
});

/** logout / delete / webhook set: SpinDesk reads nothing back, but the answer must still be Evolution's JSON object. */
export const acknowledgement = z.object({});

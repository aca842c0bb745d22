import { z } from "zod";
import { MEDIA_KINDS } from "./media";
import type { WebhookConfig } from "./webhooks";
import { digitsOf } from "./wa";

/** Evolution v2's EventController.events: the only names a webhook `events` list accepts. */
export const EVENTS = [
  "APPLICATION_STARTUP",
  "QRCODE_UPDATED",
  "MESSAGES_SET",
  "MESSAGES_UPSERT",
  "MESSAGES_EDITED",
  "MESSAGES_UPDATE",
  "MESSAGES_DELETE",
  "SEND_MESSAGE",
  "CONTACTS_SET",
  "CONTACTS_UPSERT",
  "CONTACTS_UPDATE",
  "PRESENCE_UPDATE",
  "CHATS_SET",
  "CHATS_UPSERT",
  "CHATS_UPDATE",
  "CHATS_DELETE",
  "GROUPS_UPSERT",
  "GROUP_UPDATE",
  "GROUP_PARTICIPANTS_UPDATE",
  "CONNECTION_UPDATE",
  "LABELS_EDIT",
  "LABELS_ASSOCIATION",
  "CALL",
  "TYPEBOT_START",
  "TYPEBOT_CHANGE_STATUS",
  "REMOVE_INSTANCE",
  "LOGOUT_INSTANCE",
  "INSTANCE_CREATE",
  "INSTANCE_DELETE",
  "STATUS_INSTANCE",
] as const;

const httpUrl = z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL");
const phoneDigits = (min: number) =>
  z.string().refine((value) => /^\+?[\d\s().-]+$/.test(value) && digitsOf(value).length >= min && digitsOf(value).length <= 15, {
    message: `must be a phone number with ${min} to 15 digits`,
  });

const webhookFields = {
  url: httpUrl,
  headers: z.record(z.string(), z.string()).optional(),
  byEvents: z.boolean().optional(),
  base64: z.boolean().optional(),
  events: z.array(z.enum(EVENTS)).optional(),
};

export const createInstanceBody = z.object({
  instanceName: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^/?#%\s]+$/, "must not contain '/', '?', '#', '%' or spaces"),
  integration: z.literal("WHATSAPP-BAILEYS", { message: 'the simulator only speaks "WHATSAPP-BAILEYS"' }).optional(),
  qrcode: z.boolean().optional(),
  token: z.string().min(1).optional(),
  number: phoneDigits(10).optional(),
  webhook: z.object({ ...webhookFields, enabled: z.boolean().optional() }).optional(),
});

export const setWebhookBody = z.object({
  webhook: z.object({ ...webhookFields, enabled: z.boolean() }),
});

type WebhookInput = z.infer<typeof setWebhookBody>["webhook"];

/** Stored the way Evolution stores it: enabled with no events means every event, disabled means none. */
export function toWebhookConfig(input: Omit<WebhookInput, "enabled"> & { enabled?: boolean }): WebhookConfig {
  const enabled = input.enabled ?? true;
  const events = input.events && input.events.length > 0 ? [...input.events] : [...EVENTS];
  return {
    enabled,
    url: input.url,
    headers: { ...(input.headers ?? {}) },
    byEvents: input.byEvents ?? false,
    base64: input.base64 ?? false,
    events: enabled ? events : [],
  };
}

const numberField = z.union([phoneDigits(8), z.string().regex(/^\d{5,20}@(s\.whatsapp\.net|lid)$/, "must be digits@s.whatsapp.net or digits@lid")]);

/** Evolution's `quoted` option: the key of the message replied to (its content is optional). */
const quotedField = z.object({ key: z.object({ id: z.string().min(1) }), message: z.record(z.string(), z.unknown()).optional() });

export const sendTextBody = z.object({
  number: numberField,
  text: z.string().min(1).max(65_536),
  delay: z.number().int().min(0).optional(),
  linkPreview: z.boolean().optional(),
  quoted: quotedField.optional(),
});

/** Base64 with or without a data: prefix; Evolution would also fetch a URL, which the offline simulator cannot. */
const base64Field = z
  .string()
  .min(1)
  .transform((value) => value.replace(/^data:[^,]*,/, ""))
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value), { message: "must be base64 (the simulator does not fetch URLs)" });

export const sendMediaBody = z.object({
  number: numberField,
  mediatype: z.enum(MEDIA_KINDS),
  mimetype: z.string().regex(/^[\w.+-]+\/[\w.+-]+/).optional(),
  media: base64Field,
  fileName: z.string().min(1).max(255).optional(),
  caption: z.string().max(65_536).optional(),
  delay: z.number().int().min(0).optional(),
  quoted: quotedField.optional(),
});

export const mediaMessageBody = z.object({
  message: z.object({ key: z.object({ id: z.string().min(1) }) }),
  convertToMp4: z.boolean().optional(),
});

const messageId = z.string().regex(/^[A-Za-z0-9]{8,64}$/, "must be 8-64 letters or digits");

/** A customer's file; without `base64` the simulator makes a sample (a short voice note, a picture, a PDF). */
const inboundMedia = z.object({
  type: z.enum(MEDIA_KINDS),
  base64: base64Field.optional(),
  mimetype: z.string().regex(/^[\w.+-]+\/[\w.+-]+/).optional(),
  fileName: z.string().min(1).max(255).optional(),
  seconds: z.number().int().min(0).max(3600).optional(),
  ptt: z.boolean().optional(),
});

export const inboundBody = z
  .object({
    from: phoneDigits(8),
    text: z.string().min(1).max(65_536).optional(),
    media: inboundMedia.optional(),
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(200).optional(),
        address: z.string().max(500).optional(),
      })
      .optional(),
    quotedId: messageId.optional(),
    pushName: z.string().trim().min(1).max(100).optional(),
    lid: z.union([z.boolean(), z.string().regex(/^\d{5,20}$/, "must be the LID's digits")]).optional(),
    id: messageId.optional(),
    timestamp: z.number().int().positive().max(99_999_999_999, "is unix seconds, not milliseconds").optional(),
  })
  .refine((body) => [body.media, body.location, body.text].filter((part) => part !== undefined).length === (body.media && body.text ? 2 : 1), {
    message: "send text, a media file (text is its caption) or a location",
  });

const fromField = { from: phoneDigits(8), targetId: messageId };
export const reactBody = z.object({ ...fromField, emoji: z.string().max(16) });
export const editBody = z.object({ ...fromField, text: z.string().min(1).max(65_536) });
export const revokeBody = z.object(fromField);
export const readBody = z.object({ from: phoneDigits(8) });
export const playedBody = z.object({ from: phoneDigits(8), id: messageId });

export const scanBody = z.object({
  code: z.string().min(1).optional(),
  number: phoneDigits(10).optional(),
});

import { z } from "zod";
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

export const sendTextBody = z.object({
  number: z.union([phoneDigits(8), z.string().regex(/^\d{5,20}@(s\.whatsapp\.net|lid)$/, "must be digits@s.whatsapp.net or digits@lid")]),
  text: z.string().min(1).max(65_536),
  delay: z.number().int().min(0).optional(),
  linkPreview: z.boolean().optional(),
});

export const inboundBody = z.object({
  from: phoneDigits(8),
  text: z.string().min(1).max(65_536),
  pushName: z.string().trim().min(1).max(100).optional(),
  lid: z.union([z.boolean(), z.string().regex(/^\d{5,20}$/, "must be the LID's digits")]).optional(),
  id: z.string().regex(/^[A-Za-z0-9]{8,64}$/, "must be 8-64 letters or digits").optional(),
  timestamp: z.number().int().positive().max(99_999_999_999, "is unix seconds, not milliseconds").optional(),
});

export const scanBody = z.object({
  code: z.string().min(1).optional(),
  number: phoneDigits(10).optional(),
});

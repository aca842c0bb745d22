import { defineSchema, defineTable } from "convex/server";
import { literals } from "convex-helpers/validators";
import { v, type Infer, type VFloat64 } from "convex/values";
import { AGENT_HEALTH_ERRORS, AGENT_STATUSES, BOT_LANGUAGES } from "../lib/agents";
import { ORG_ROLES } from "../lib/auth/claims";
import { ROLLUP_TABLES } from "../lib/metrics/contributions";
import { SPIN_ORDER, type SpinStage } from "../lib/spin/types";
import { SESSION_STATUSES } from "../lib/inbox/statuses";
import { DELIVERY_STATES, MEDIA_STATES, MESSAGE_KINDS } from "../lib/whatsapp/types";
import { ONBOARDING_STEPS } from "../lib/onboarding";
import { WEEKDAYS } from "../lib/business-hours";
import { rateLimitTables } from "convex-helpers/server/rateLimit";

// Shared validators: reused by function `args`/`returns` so the wire shape never drifts from storage.
// Enum-like sets are defined once in lib/ (as const arrays) and turned into validators here.
export const roleValidator = literals(...ORG_ROLES);
export const agentStatusValidator = literals(...AGENT_STATUSES);
/** What the last health check found wrong with a connected agent (lib/agents.ts AGENT_HEALTH_ERRORS). */
export const agentHealthErrorValidator = literals(...AGENT_HEALTH_ERRORS);
export const spinStageValidator = literals(...SPIN_ORDER);
/** The language the bot answers in: the customer's own ("auto"), or always one. */
export const botLanguageValidator = literals(...BOT_LANGUAGES);
export const sessionStatusValidator = literals(...SESSION_STATUSES);
export const directionValidator = v.union(v.literal("in"), v.literal("out"));
// "note": a teammate's private note in the thread; never sent, never counted, never the bot's context.
export const authorValidator = v.union(v.literal("customer"), v.literal("bot"), v.literal("human"), v.literal("note"));
export const messageKindValidator = literals(...MESSAGE_KINDS);
/** A message's file: what WhatsApp said of it at once, and where it is once fetched into our storage. */
export const mediaValidator = v.object({
  state: literals(...MEDIA_STATES),
  mimeType: v.optional(v.string()),
  size: v.optional(v.number()),
  durationSec: v.optional(v.number()),
  fileName: v.optional(v.string()),
  // A voice note recorded in WhatsApp (`ptt`), rather than an audio file sent as one.
  voiceNote: v.optional(v.boolean()),
  storageId: v.optional(v.id("_storage")),
  // Download tries so far; after the last one the state is "failed" and the thread says so.
  attempts: v.optional(v.number()),
});
export const locationValidator = v.object({
  latitude: v.number(),
  longitude: v.number(),
  name: v.optional(v.string()),
  address: v.optional(v.string()),
});
/** A shared contact card (vCard): the name and the first phone number in it. */
export const sharedContactValidator = v.object({ name: v.string(), phone: v.optional(v.string()) });
/** The message this one replies to: its WhatsApp id, the words quoted, and our row when we have it. */
export const quotedValidator = v.object({
  externalId: v.string(),
  text: v.optional(v.string()),
  // What the quoted message is (a caption-less photo quotes no words).
  kind: v.optional(messageKindValidator),
  messageId: v.optional(v.id("messages")),
});
/** One reaction per reactor (WhatsApp replaces a person's reaction; an empty emoji removes it). */
export const reactionValidator = v.object({ emoji: v.string(), fromMe: v.boolean(), at: v.number() });
export const deliveryValidator = literals(...DELIVERY_STATES);
/** A change to a stored message named by its WhatsApp id: a delivery report, an edit, a delete for everyone, a reaction. */
export const messageUpdateValidator = v.union(
  v.object({ kind: v.literal("status"), delivery: deliveryValidator }),
  v.object({ kind: v.literal("edit"), text: v.string(), at: v.number() }),
  v.object({ kind: v.literal("delete"), at: v.number() }),
  v.object({ kind: v.literal("reaction"), emoji: v.string(), fromMe: v.boolean(), at: v.number() }),
);
export const webhookProviderValidator = v.union(v.literal("clerk"), v.literal("evolution"));
/** One count per SPIN stage. */
export const perStageCountsValidator = v.object(
  Object.fromEntries(SPIN_ORDER.map((stage) => [stage, v.number()])) as Record<SpinStage, VFloat64<number>>,
);
/** The shape of `lib/metrics/counters.ts` `Counters`. */
export const dailyCountersValidator = v.object({
  messagesIn: v.number(),
  messagesOutBot: v.number(),
  messagesOutHuman: v.number(),
  newSessions: v.number(),
  reached: perStageCountsValidator,
  questions: perStageCountsValidator,
  firstResponseCount: v.number(),
  firstResponseSumMs: v.number(),
  firstResponseBuckets: v.array(v.number()),
  handovers: v.number(),
});
/** A timezone change recomputes the rollups into the next generation, table by table. */
export const rollupRebuildValidator = v.object({
  generation: v.number(),
  timeZone: v.string(),
  phase: literals(...ROLLUP_TABLES),
  // `_creationTime` of the last row of `phase` already counted; rows are scanned in creation order.
  cursor: v.union(v.number(), v.null()),
  processed: v.number(),
  startedAt: v.number(),
});

/** lib/spin AgentKnowledge beyond persona and product name, capped by KNOWLEDGE_LIMITS on write. */
export const agentKnowledgeValidator = v.object({
  productDescription: v.string(),
  priceAnswer: v.string(),
  businessHours: v.string(),
  faq: v.array(v.object({ question: v.string(), answer: v.string() })),
});

export type Role = Infer<typeof roleValidator>;
export type { SpinStage };
export type BotLanguage = Infer<typeof botLanguageValidator>;

export const onboardingStepValidator = literals(...ONBOARDING_STEPS);
/** The first-run checklist's progress: steps finished and steps the owner chose to skip. */
export const onboardingValidator = v.object({
  done: v.array(onboardingStepValidator),
  skipped: v.array(onboardingStepValidator),
  finishedAt: v.optional(v.number()),
});
/** Weekly opening hours in the org's time zone (lib/business-hours.ts); a weekday with no interval is closed. */
export const openingIntervalValidator = v.object({ day: literals(...WEEKDAYS), opens: v.string(), closes: v.string() });

export const organizationFields = {
  externalId: v.string(),
  name: v.string(),
  slug: v.string(),
  timezone: v.string(),
  deletedAt: v.optional(v.number()),
  purgedAt: v.optional(v.number()),
  // The auth provider's `updated_at` of the last applied event: older deliveries never win.
  sourceUpdatedAt: v.optional(v.number()),
  // Which `dailyStats` generation the dashboards read, and the time zone its days are in.
  rollupGeneration: v.optional(v.number()),
  rollupTimeZone: v.optional(v.string()),
  rollupRebuild: v.optional(rollupRebuildValidator),
  // Absent: hours were never set, so nothing is ever "outside business hours".
  businessHours: v.optional(v.array(openingIntervalValidator)),
  // The language new agents' bots start with; absent: "auto" (the customer's own).
  defaultBotLanguage: v.optional(botLanguageValidator),
  onboarding: v.optional(onboardingValidator),
  // The token issuer (normalized `iss`) the org was created for: a token from another issuer is
  // refused by the guard. Absent on orgs created before the binding (not bound on first use).
  issuer: v.optional(v.string()),
  // A rename a member asked the auth provider for (organizations.expectRename): the provider's
  // webhook that brings the new name is audited as that member's.
  pendingRename: v.optional(v.object({ name: v.string(), actorUserId: v.id("users"), at: v.number() })),
};

export const userFields = {
  externalId: v.string(),
  email: v.string(),
  name: v.string(),
  imageUrl: v.optional(v.string()),
  deletedAt: v.optional(v.number()),
  sourceUpdatedAt: v.optional(v.number()),
};

export const auditEntryFields = {
  orgId: v.id("organizations"),
  actorUserId: v.optional(v.id("users")),
  action: v.string(),
  target: v.string(),
  at: v.number(),
};

export const sessionFields = {
  orgId: v.id("organizations"),
  agentId: v.id("agents"),
  contactId: v.id("contacts"),
  stage: spinStageValidator,
  status: sessionStatusValidator,
  // Snoozed until then (a scheduled wake-up reopens it), or until the customer's next message when absent.
  snoozedUntil: v.optional(v.number()),
  // The member who owns the conversation; absent = unassigned.
  assigneeId: v.optional(v.id("users")),
  botPaused: v.boolean(),
  needsAttention: v.boolean(),
  processingToken: v.optional(v.string()),
  processingExpiresAt: v.optional(v.number()),
  pendingReply: v.boolean(),
  lastMessageAt: v.number(),
  // Denormalized for the live conversation list: one row per session, no message reads.
  lastMessagePreview: v.optional(v.string()),
  lastMessageDirection: v.optional(directionValidator),
  // The newest message's kind: the list renders "📷 Photo" / "🎤 Voice message" itself (absent: text).
  lastMessageKind: v.optional(messageKindValidator),
  // The newest message was deleted by the customer: the list says so instead of showing its words.
  lastMessageDeleted: v.optional(v.boolean()),
  unreadCount: v.number(),
  // The bot's bookkeeping (DESIGN "SPIN replies"): customer messages are numbered as they arrive;
  // a reply covers every number up to the one it was planned with, so none is answered twice or lost.
  inboundSeq: v.optional(v.number()),
  answeredSeq: v.optional(v.number()),
  // Debounce: a burst of messages pushes this forward; only the run due last answers the burst.
  replyDueAt: v.optional(v.number()),
  // The bot reached need-payoff: a salesperson should take the customer over.
  handoffSuggested: v.optional(v.boolean()),
  // Waiting for a person (the handoff queue): since when; cleared when a person replies.
  waitingSince: v.optional(v.number()),
  // A person wrote since the bot's last reply: resuming the bot then answers only newer messages.
  personReplied: v.optional(v.boolean()),
  // Rollup facts (lib/metrics/contributions.ts): when it started, when a customer first wrote,
  // the first reply to that, the first human takeover, and the furthest SPIN stage reached.
  startedAt: v.optional(v.number()),
  firstInboundAt: v.optional(v.number()),
  firstResponseAt: v.optional(v.number()),
  firstResponseMs: v.optional(v.number()),
  takenOverAt: v.optional(v.number()),
  furthestStage: v.optional(spinStageValidator),
  // Outside business hours the bot told this customer the team is closed: the opening it named (ms),
  // so it says so once per closed period.
  closedNoticeFor: v.optional(v.number()),
};

export const messageFields = {
  orgId: v.id("organizations"),
  sessionId: v.id("sessions"),
  agentId: v.id("agents"),
  direction: directionValidator,
  author: authorValidator,
  // The member who wrote a "human" message from SpinDesk; absent for the bot, the customer, and
  // messages typed on the linked phone.
  authorUserId: v.optional(v.id("users")),
  // Absent on rows stored before kinds existed: "text". Media messages keep their caption in `text`.
  kind: v.optional(messageKindValidator),
  media: v.optional(mediaValidator),
  location: v.optional(locationValidator),
  sharedContact: v.optional(sharedContactValidator),
  quoted: v.optional(quotedValidator),
  reactions: v.optional(v.array(reactionValidator)),
  // An edit keeps every earlier text here (the audit), newest last.
  editedAt: v.optional(v.number()),
  previousTexts: v.optional(v.array(v.object({ text: v.string(), until: v.number() }))),
  // Deleted for everyone by the customer: hidden in the thread, kept for the audit.
  deletedAt: v.optional(v.number()),
  text: v.string(),
  // An inbound text over MAX_TEXT_LENGTH is stored cut: its full length, and that it was cut.
  textLength: v.optional(v.number()),
  truncated: v.optional(v.boolean()),
  externalId: v.optional(v.string()),
  sentAt: v.number(),
  stage: v.optional(spinStageValidator),
  delivery: deliveryValidator,
  // Customer messages: their number in the session. Bot replies: the last number they answer.
  inboundSeq: v.optional(v.number()),
  answersThroughSeq: v.optional(v.number()),
  // The text lowercased without accents (lib/inbox/search-text.ts), kept by a trigger: what search matches.
  searchText: v.optional(v.string()),
};

export const stageEventFields = {
  orgId: v.id("organizations"),
  sessionId: v.id("sessions"),
  from: v.union(spinStageValidator, v.null()),
  to: spinStageValidator,
  at: v.number(),
  // The classifier's certainty (older events); the conversation engine records words, not numbers.
  confidence: v.optional(v.number()),
  // The customer message whose text moved the stage, the words in it that showed the stage, and the cues.
  messageId: v.optional(v.id("messages")),
  quote: v.optional(v.string()),
  cues: v.optional(v.array(v.string())),
  agentId: v.optional(v.id("agents")),
  // Stages the session reached for the first time with this change (the funnel counts them once).
  reached: v.optional(v.array(spinStageValidator)),
};

export const contactFields = {
  orgId: v.id("organizations"),
  agentId: v.id("agents"),
  waJid: v.string(),
  waJidAlt: v.optional(v.string()),
  name: v.optional(v.string()),
  // The name the customer set in WhatsApp (pushName / contacts.upsert); `name` is the team's, editable.
  whatsappName: v.optional(v.string()),
  profilePictureUrl: v.optional(v.string()),
  // The same person was found under another contact (LID and phone JID learned apart): this row is
  // being folded into that one (contactMerge), and lookups follow the link meanwhile.
  mergedIntoId: v.optional(v.id("contacts")),
  // The customer asked not to be written to (LGPD, WhatsApp policy): no agent's bot writes again.
  optedOutAt: v.optional(v.number()),
  // The team's notes about this person (the contact panel), at most MAX_CONTACT_NOTES characters.
  notes: v.optional(v.string()),
  // Both names lowercased without accents (lib/inbox/search-text.ts), kept by a trigger.
  searchText: v.optional(v.string()),
};

export const agentFields = {
  orgId: v.id("organizations"),
  name: v.string(),
  instanceName: v.string(),
  status: agentStatusValidator,
  qrCode: v.optional(v.string()),
  qrUpdatedAt: v.optional(v.number()),
  phoneNumber: v.optional(v.string()),
  webhookSecret: v.string(),
  aiEnabled: v.boolean(),
  // The bot's knowledge (lib/spin AgentKnowledge): persona and short product name here, the rest below.
  persona: v.string(),
  product: v.string(),
  knowledge: v.optional(agentKnowledgeValidator),
  // Absent on agents created before the setting existed: "auto".
  language: v.optional(botLanguageValidator),
  // Voice notes go straight to a person (the bot cannot listen); absent/false: the bot asks for text once.
  voiceNoteHandoff: v.optional(v.boolean()),
  // During a rotation the old secret stays valid briefly: deliveries signed before the gateway
  // switched keys are still accepted (Evolution does not retry a 401, so they would be lost).
  previousWebhookSecret: v.optional(v.string()),
  previousSecretValidUntil: v.optional(v.number()),
  // Deleted agents stay as rows so their conversations remain readable; webhooks to them are refused.
  deletedAt: v.optional(v.number()),
  // The health check (convex/agentHealth.ts): when the gateway was last asked, and what was wrong then.
  healthCheckedAt: v.optional(v.number()),
  lastHealthError: v.optional(agentHealthErrorValidator),
  // The handoff queue's routing (convex/model/routing.ts): a conversation that starts waiting for a person
  // goes to the default owner, else round-robin among the chosen members who are available.
  defaultAssigneeId: v.optional(v.id("users")),
  autoAssign: v.optional(v.object({ memberIds: v.array(v.id("users")), cursor: v.number() })),
};

export default defineSchema({
  organizations: defineTable(organizationFields).index("by_externalId", ["externalId"]),

  users: defineTable(userFields).index("by_externalId", ["externalId"]),

  memberships: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    role: roleValidator,
    // Kept as a tombstone after removal so a late, older "created" delivery cannot revive it.
    deletedAt: v.optional(v.number()),
    sourceUpdatedAt: v.optional(v.number()),
    // Takes new conversations from round-robin routing; absent = available.
    available: v.optional(v.boolean()),
  })
    .index("by_org_and_user", ["orgId", "userId"])
    .index("by_user", ["userId"]),

  agents: defineTable(agentFields)
    // Creation order, for the agents list (newest first); by_org_and_deletedAt counts the live ones.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_and_deletedAt", ["orgId", "deletedAt"])
    .index("by_instanceName", ["instanceName"]),

  contacts: defineTable(contactFields)
    .index("by_org_and_agent_and_waJid", ["orgId", "agentId", "waJid"])
    .index("by_org_and_agent_and_waJidAlt", ["orgId", "agentId", "waJidAlt"])
    .index("by_org_and_waJid", ["orgId", "waJid"])
    .searchIndex("search_text", { searchField: "searchText", filterFields: ["orgId"] }),

  sessions: defineTable(sessionFields)
    // Creation order, which the rollup rebuild scans: rows written meanwhile come after its cursor.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_and_lastMessageAt", ["orgId", "lastMessageAt"])
    .index("by_org_and_agent_and_contact", ["orgId", "agentId", "contactId"])
    .index("by_org_and_status_and_lastMessageAt", ["orgId", "status", "lastMessageAt"])
    .index("by_org_and_agent_and_lastMessageAt", ["orgId", "agentId", "lastMessageAt"])
    .index("by_org_and_agent_and_status_and_lastMessageAt", ["orgId", "agentId", "status", "lastMessageAt"])
    .index("by_org_and_needsAttention_and_lastMessageAt", ["orgId", "needsAttention", "lastMessageAt"])
    .index("by_org_and_waitingSince", ["orgId", "waitingSince"])
    // Inbox views (lib/inbox/views.ts): each view of one status is one index range, newest activity first.
    .index("by_org_and_status_and_assigneeId_and_lastMessageAt", ["orgId", "status", "assigneeId", "lastMessageAt"])
    .index("by_org_and_status_and_waitingSince", ["orgId", "status", "waitingSince"])
    .index("by_org_and_status_and_botPaused_and_waitingSince_and_lastMessageAt", [
      "orgId",
      "status",
      "botPaused",
      "waitingSince",
      "lastMessageAt",
    ])
    .index("by_org_and_status_and_needsAttention_and_lastMessageAt", ["orgId", "status", "needsAttention", "lastMessageAt"])
    .index("by_org_and_status_and_stage_and_lastMessageAt", ["orgId", "status", "stage", "lastMessageAt"])
    // The contact panel: this person's conversations, newest activity first.
    .index("by_org_and_contact_and_lastMessageAt", ["orgId", "contactId", "lastMessageAt"]),

  messages: defineTable(messageFields)
    // Creation order, which the rollup rebuild scans: rows written meanwhile come after its cursor.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_and_session_and_sentAt", ["orgId", "sessionId", "sentAt"])
    .index("by_agent_and_externalId", ["agentId", "externalId"])
    .searchIndex("search_text", { searchField: "searchText", filterFields: ["orgId"] }),

  stageEvents: defineTable(stageEventFields)
    // Creation order, which the rollup rebuild scans: rows written meanwhile come after its cursor.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_and_session_and_at", ["orgId", "sessionId", "at"]),

  dailyStats: defineTable({
    orgId: v.id("organizations"),
    agentId: v.id("agents"),
    day: v.string(),
    generation: v.number(),
    counters: dailyCountersValidator,
  }).index("by_org_and_generation_and_day_and_agent", ["orgId", "generation", "day", "agentId"]),

  webhookDeliveries: defineTable({
    provider: webhookProviderValidator,
    deliveryId: v.string(),
    receivedAt: v.number(),
  })
    .index("by_provider_and_deliveryId", ["provider", "deliveryId"])
    .index("by_receivedAt", ["receivedAt"]),

  // Org-defined labels (admins manage them), applied to conversations through sessionLabels.
  labels: defineTable({ orgId: v.id("organizations"), name: v.string(), color: v.string() }).index("by_org_and_name", ["orgId", "name"]),

  // One row per label on a conversation; `lastMessageAt` is the session's, kept in step by a trigger,
  // so "conversations with this label, newest activity first" is one index range.
  sessionLabels: defineTable({
    orgId: v.id("organizations"),
    sessionId: v.id("sessions"),
    labelId: v.id("labels"),
    lastMessageAt: v.number(),
  })
    .index("by_org_and_label_and_lastMessageAt", ["orgId", "labelId", "lastMessageAt"])
    .index("by_org_and_session_and_label", ["orgId", "sessionId", "labelId"]),

  // A teammate named in a note (`@Olivia`): shown in her Mine view and header badge until she opens it.
  mentions: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    sessionId: v.id("sessions"),
    messageId: v.id("messages"),
    byUserId: v.id("users"),
    at: v.number(),
    seenAt: v.optional(v.number()),
  })
    .index("by_org_and_user_and_seenAt_and_at", ["orgId", "userId", "seenAt", "at"])
    .index("by_org_and_user_and_session", ["orgId", "userId", "sessionId"]),

  // A status, edit, delete or reaction that arrived before the message it names (Evolution delivers
  // out of order): applied, then removed, when the message is stored; pruned daily when it never is.
  pendingMessageUpdates: defineTable({
    orgId: v.id("organizations"),
    agentId: v.id("agents"),
    externalId: v.string(),
    update: messageUpdateValidator,
    receivedAt: v.number(),
  })
    .index("by_org_and_agent_and_externalId", ["orgId", "agentId", "externalId"])
    .index("by_receivedAt", ["receivedAt"]),

  // A received file Evolution inlined in the webhook (`base64: true`), already put in file storage by
  // the webhook: the media download uses it instead of asking the gateway, then removes the row.
  mediaInbox: defineTable({
    orgId: v.id("organizations"),
    messageId: v.id("messages"),
    storageId: v.id("_storage"),
    mimeType: v.optional(v.string()),
  }).index("by_org_and_message", ["orgId", "messageId"]),

  // A file a member uploaded from the composer, claimed by the org that confirmed it: a storage id
  // not claimed here (or claimed by another org) is never sent. by_storageId answers "claimed yet?"
  // across orgs, which only the claim step asks.
  uploads: defineTable({
    orgId: v.id("organizations"),
    storageId: v.id("_storage"),
    userId: v.optional(v.id("users")),
    fileName: v.string(),
    mimeType: v.string(),
    size: v.number(),
  })
    .index("by_org_and_storageId", ["orgId", "storageId"])
    .index("by_storageId", ["storageId"]),
  // How far each member has read each conversation: unread for them = session.inboundSeq − readSeq.
  readStates: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    sessionId: v.id("sessions"),
    readSeq: v.number(),
  }).index("by_org_and_user_and_session", ["orgId", "userId", "sessionId"]),

  // Live counts of the inbox views (lib/inbox/views.ts), kept by a trigger on sessions so reading a
  // count is one document whatever the history: `key` is a view ("waiting") or "mine:<userId>".
  inboxCounts: defineTable({ orgId: v.id("organizations"), key: v.string(), count: v.number() }).index("by_org_and_key", [
    "orgId",
    "key",
  ]),

  // Org-wide canned responses (admins manage them), inserted from the composer with "/shortcut".
  quickReplies: defineTable({ orgId: v.id("organizations"), shortcut: v.string(), text: v.string() }).index("by_org_and_shortcut", [
    "orgId",
    "shortcut",
  ]),

  auditLog: defineTable(auditEntryFields).index("by_org_and_at", ["orgId", "at"]),

  // The gateway half of deleting an organization: one row per WhatsApp instance to log out and delete
  // (convex/gatewayCleanup.ts). Global on purpose (no orgId): the purge removes every tenant row,
  // agents included, and this record must outlive it so the outcome can be inspected. It copies the
  // instance name, the only thing the gateway calls need (instance names are unique across orgs).
  gatewayCleanups: defineTable({
    instanceName: v.string(),
    /** The organization's tombstone, which the purge keeps. */
    deletedOrgId: v.id("organizations"),
    state: literals("pending", "done", "failed"),
    attempts: v.number(),
    lastError: v.optional(v.string()),
    createdAt: v.number(),
    finishedAt: v.optional(v.number()),
  })
    .index("by_instanceName", ["instanceName"])
    .index("by_state_and_finishedAt", ["state", "finishedAt"]),
  // --- security: WhatsApp webhook replay records (convex/webhookReplays.ts). Global: keyed by the
  // hash of the credential a delivery carried, pruned once that credential can no longer be accepted.
  // How many distinct bodies one credential has carried (bounded: a leaked token is not a free pass).
  webhookCredentials: defineTable({ credentialHash: v.string(), bodies: v.number(), expiresAt: v.number() })
    .index("by_credentialHash", ["credentialHash"])
    .index("by_expiresAt", ["expiresAt"]),
  // Each (credential, body) pair seen; `settled` once every change in it was applied.
  webhookCredentialBodies: defineTable({ credentialHash: v.string(), bodyHash: v.string(), settled: v.boolean(), expiresAt: v.number() })
    .index("by_credentialHash_and_bodyHash", ["credentialHash", "bodyHash"])
    .index("by_expiresAt", ["expiresAt"]),

  // --- security: convex-helpers' rate limiter buckets (convex/model/rateLimits.ts). Global table;
  // org functions reach only keys prefixed with their org id (convex/lib/rls.ts).
  ...rateLimitTables,
});

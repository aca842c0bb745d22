import { defineSchema, defineTable } from "convex/server";
import { literals } from "convex-helpers/validators";
import { v, type Infer, type VFloat64 } from "convex/values";
import { AGENT_STATUSES, BOT_LANGUAGES } from "../lib/agents";
import { ORG_ROLES } from "../lib/auth/claims";
import { ROLLUP_TABLES } from "../lib/metrics/contributions";
import { SPIN_ORDER, type SpinStage } from "../lib/spin/types";
import { DELIVERY_STATES } from "../lib/whatsapp/types";

// Shared validators: reused by function `args`/`returns` so the wire shape never drifts from storage.
// Enum-like sets are defined once in lib/ (as const arrays) and turned into validators here.
export const roleValidator = literals(...ORG_ROLES);
export const agentStatusValidator = literals(...AGENT_STATUSES);
export const spinStageValidator = literals(...SPIN_ORDER);
/** The language the bot answers in: the customer's own ("auto"), or always one. */
export const botLanguageValidator = literals(...BOT_LANGUAGES);
export const sessionStatusValidator = v.union(v.literal("active"), v.literal("closed"));
export const directionValidator = v.union(v.literal("in"), v.literal("out"));
export const authorValidator = v.union(v.literal("customer"), v.literal("bot"), v.literal("human"));
export const deliveryValidator = literals(...DELIVERY_STATES);
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
  botPaused: v.boolean(),
  needsAttention: v.boolean(),
  processingToken: v.optional(v.string()),
  processingExpiresAt: v.optional(v.number()),
  pendingReply: v.boolean(),
  lastMessageAt: v.number(),
  // Denormalized for the live conversation list: one row per session, no message reads.
  lastMessagePreview: v.optional(v.string()),
  lastMessageDirection: v.optional(directionValidator),
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
};

export const messageFields = {
  orgId: v.id("organizations"),
  sessionId: v.id("sessions"),
  agentId: v.id("agents"),
  direction: directionValidator,
  author: authorValidator,
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
  // The customer asked not to be written to (LGPD, WhatsApp policy): no agent's bot writes again.
  optedOutAt: v.optional(v.number()),
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
  // During a rotation the old secret stays valid briefly: deliveries signed before the gateway
  // switched keys are still accepted (Evolution does not retry a 401, so they would be lost).
  previousWebhookSecret: v.optional(v.string()),
  previousSecretValidUntil: v.optional(v.number()),
  // Deleted agents stay as rows so their conversations remain readable; webhooks to them are refused.
  deletedAt: v.optional(v.number()),
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
    .index("by_org_and_waJid", ["orgId", "waJid"]),

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
    .index("by_org_and_waitingSince", ["orgId", "waitingSince"]),

  messages: defineTable(messageFields)
    // Creation order, which the rollup rebuild scans: rows written meanwhile come after its cursor.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_and_session_and_sentAt", ["orgId", "sessionId", "sentAt"])
    .index("by_agent_and_externalId", ["agentId", "externalId"]),

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

  auditLog: defineTable(auditEntryFields).index("by_org_and_at", ["orgId", "at"]),
});

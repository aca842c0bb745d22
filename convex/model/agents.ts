import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import { env, type DatabaseReader } from "../_generated/server";
import { fail } from "../lib/errors";
import { defaultKnowledge, KNOWLEDGE_LIMITS, knowledgeProblems, type AgentKnowledge, type Language } from "../../lib/spin";
import { agentHealthErrorValidator, agentKnowledgeValidator, agentStatusValidator, botLanguageValidator } from "../schema";
import { userByExternalId } from "./directory";

/** An agent as members see it: everything but `webhookSecret`, absent fields as null. */
export const agentViewValidator = v.object({
  _id: v.id("agents"),
  _creationTime: v.number(),
  name: v.string(),
  instanceName: v.string(),
  status: agentStatusValidator,
  qrCode: v.union(v.string(), v.null()),
  qrUpdatedAt: v.union(v.number(), v.null()),
  phoneNumber: v.union(v.string(), v.null()),
  aiEnabled: v.boolean(),
  persona: v.string(),
  product: v.string(),
  knowledge: agentKnowledgeValidator,
  language: botLanguageValidator,
  voiceNoteHandoff: v.boolean(),
  healthCheckedAt: v.union(v.number(), v.null()),
  lastHealthError: v.union(agentHealthErrorValidator, v.null()),
});

export type AgentView = Infer<typeof agentViewValidator>;

/** Built field by field so a column added to the table never leaks by accident. */
export function toAgentView(agent: Doc<"agents">): AgentView {
  return {
    _id: agent._id,
    _creationTime: agent._creationTime,
    name: agent.name,
    instanceName: agent.instanceName,
    status: agent.status,
    qrCode: agent.qrCode ?? null,
    qrUpdatedAt: agent.qrUpdatedAt ?? null,
    phoneNumber: agent.phoneNumber ?? null,
    aiEnabled: agent.aiEnabled,
    persona: agent.persona,
    product: agent.product,
    knowledge: agent.knowledge ?? EMPTY_KNOWLEDGE,
    language: agent.language ?? "auto",
    voiceNoteHandoff: agent.voiceNoteHandoff ?? false,
    healthCheckedAt: agent.healthCheckedAt ?? null,
    lastHealthError: agent.lastHealthError ?? null,
  };
}

/** A new agent's persona and product in Portuguese, the product's first language (English from an English UI). */
export const DEFAULT_PERSONA = defaultKnowledge("pt").persona;
/** No product name: the bot words its questions without one rather than with a placeholder. */
export const DEFAULT_PRODUCT = defaultKnowledge("pt").productName;

const NAME_MAX_CHARS = 80;

const EMPTY_KNOWLEDGE: KnowledgeExtras = { productDescription: "", priceAnswer: "", businessHours: "", faq: [] };

export type KnowledgeExtras = Infer<typeof agentKnowledgeValidator>;

const trimmed = (knowledge: KnowledgeExtras): KnowledgeExtras => ({
  productDescription: knowledge.productDescription.trim(),
  priceAnswer: knowledge.priceAnswer.trim(),
  businessHours: knowledge.businessHours.trim(),
  faq: knowledge.faq
    .map((entry) => ({ question: entry.question.trim(), answer: entry.answer.trim() }))
    .filter((entry) => entry.question.length > 0 && entry.answer.length > 0),
});

/**
 * The bot's profile as stored: trimmed, an empty persona replaced by the default of the language the
 * admin works in; refuses any field over its cap (lib/spin KNOWLEDGE_LIMITS) with INVALID_ARGUMENT.
 */
export function botProfileX(input: { persona?: string; product?: string; knowledge?: KnowledgeExtras }, language: Language = "pt") {
  const defaults = defaultKnowledge(language);
  const persona = input.persona?.trim() || defaults.persona;
  const product = input.product?.trim() ?? defaults.productName;
  const knowledge = trimmed(input.knowledge ?? EMPTY_KNOWLEDGE);
  const problems = knowledgeProblems({ persona, productName: product, ...knowledge });
  if (problems.length > 0) {
    const limits = KNOWLEDGE_LIMITS;
    fail(
      "INVALID_ARGUMENT",
      `Too long: ${problems.join(", ")}. Persona up to ${limits.persona} characters, product name ${limits.productName}, ` +
        `price and hours ${limits.priceAnswer}/${limits.businessHours}, up to ${limits.faqEntries} questions.`,
    );
  }
  return { persona, product, knowledge };
}

/** The trimmed fields of a new agent, in the language of the UI that creates it; refuses bad input. */
export function agentProfileX(input: { name: string; persona?: string; product?: string }, language: Language = "pt") {
  const name = input.name.trim();
  if (name.length === 0 || name.length > NAME_MAX_CHARS) {
    fail("INVALID_ARGUMENT", `The agent name must have 1 to ${NAME_MAX_CHARS} characters.`);
  }
  return { name, ...botProfileX(input, language) };
}

/** Everything the conversation engine knows about the business, from the agent's row. */
export function knowledgeOf(agent: Pick<Doc<"agents">, "persona" | "product" | "knowledge">): AgentKnowledge {
  return { persona: agent.persona, productName: agent.product, ...(agent.knowledge ?? EMPTY_KNOWLEDGE) };
}

function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

/**
 * 32 random bytes as hex. Call it from an action: queries and mutations run with a seeded
 * generator, which is fine for names but not for a signing key.
 */
export function newWebhookSecret(): string {
  return Array.from(randomBytes(32), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const INSTANCE_SUFFIX_CHARS = 12;

// The largest multiple of 36 below 256: bytes from here up are skipped so every character is equally likely.
const UNBIASED_BYTE_LIMIT = 252;

/** `sd-` + 12 base36 characters (~62 bits): short enough for the gateway's URLs, unlikely to collide. */
export function newInstanceName(): string {
  let suffix = "";
  while (suffix.length < INSTANCE_SUFFIX_CHARS) {
    for (const byte of randomBytes(INSTANCE_SUFFIX_CHARS)) {
      if (byte < UNBIASED_BYTE_LIMIT && suffix.length < INSTANCE_SUFFIX_CHARS) suffix += (byte % 36).toString(36);
    }
  }
  return `sd-${suffix}`;
}

const INSTANCE_NAME_ATTEMPTS = 5;

/** A name no agent of any org has; the caller inserts it in the same mutation, so no one else can take it. */
export async function unusedInstanceName(db: DatabaseReader): Promise<string> {
  for (let attempt = 0; attempt < INSTANCE_NAME_ATTEMPTS; attempt++) {
    const candidate = newInstanceName();
    const taken = await db
      .query("agents")
      .withIndex("by_instanceName", (q) => q.eq("instanceName", candidate))
      .first();
    if (taken === null) return candidate;
  }
  fail("INTERNAL_ERROR", "Could not pick a free instance name. Try again.");
}

/**
 * The live (not deleted) agent, or NOT_FOUND. Called with an org-scoped db, where row-level security
 * makes another org's agent as absent as a missing one.
 */
export async function liveAgentX(db: DatabaseReader, agentId: Id<"agents">): Promise<Doc<"agents">> {
  const agent = await db.get("agents", agentId);
  if (agent === null || agent.deletedAt !== undefined) {
    fail("NOT_FOUND", "This agent does not exist.");
  }
  return agent;
}

/** WhatsApp numbers one organization may connect (deleted ones do not count); `MAX_AGENTS_PER_ORG` overrides it. */
export const DEFAULT_MAX_AGENTS_PER_ORG = 20;

export function maxAgentsPerOrg(): number {
  const configured = Number(env.MAX_AGENTS_PER_ORG);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_AGENTS_PER_ORG;
}

/** Refuses a new agent once the org has the maximum of live ones (CONFLICT): one indexed read of at most max + 1 rows. */
export async function withinAgentCapX(db: DatabaseReader, orgId: Id<"organizations">) {
  const max = maxAgentsPerOrg();
  const live = await db
    .query("agents")
    .withIndex("by_org_and_deletedAt", (q) => q.eq("orgId", orgId).eq("deletedAt", undefined))
    .take(max);
  if (live.length >= max) fail("CONFLICT", `This organization already has ${max} WhatsApp numbers, the most it may connect.`);
}

/** The users row behind an action's caller, for audit entries; null when not (or no longer) known. */
export async function actorUserIdOf(db: DatabaseReader, externalId: string): Promise<Id<"users"> | null> {
  const user = await userByExternalId(db, externalId);
  return user !== null && user.deletedAt === undefined ? user._id : null;
}

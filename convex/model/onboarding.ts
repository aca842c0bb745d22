import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { ONBOARDING_STEPS, type OnboardingStep } from "../../lib/onboarding";

export type StoredOnboarding = NonNullable<Doc<"organizations">["onboarding"]>;
export type StepState = "done" | "skipped" | "todo";

const EMPTY: StoredOnboarding = { done: [], skipped: [] };
// The agent cap keeps an org far below this; the newest agents are the ones onboarding is about.
const AGENTS_READ = 25;
const MESSAGES_READ = 20;

export function storedOnboarding(org: Doc<"organizations">): StoredOnboarding {
  return org.onboarding ?? EMPTY;
}

/** The audit actions of the checklist: a step put off (one action per step, so the log can name it), the checklist hidden. */
export const skippedAuditAction = (step: OnboardingStep) => `onboarding.${step}_skipped` as const;
export const FINISHED_AUDIT_ACTION = "onboarding.finished";

/** Adds `step` to one of the stored lists (and takes it off the other), at most once; false when it was there already. */
export async function recordStep(db: DatabaseWriter, org: Doc<"organizations">, step: OnboardingStep, list: "done" | "skipped"): Promise<boolean> {
  const current = storedOnboarding(org);
  const other = list === "done" ? "skipped" : "done";
  if (current[list].includes(step) && !current[other].includes(step)) return false;
  const next = {
    ...current,
    [list]: [...current[list].filter((s) => s !== step), step],
    [other]: current[other].filter((s) => s !== step),
  };
  await db.patch("organizations", org._id, { onboarding: next });
  return true;
}

/**
 * The agent the checklist is about: the newest connected one, else the newest live one, so an org
 * that already had a working number starts with the first step done.
 */
export async function onboardingAgent(db: DatabaseReader, orgId: Id<"organizations">): Promise<Doc<"agents"> | null> {
  const live = await db
    .query("agents")
    .withIndex("by_org_and_deletedAt", (q) => q.eq("orgId", orgId).eq("deletedAt", undefined))
    .order("desc")
    .take(AGENTS_READ);
  return live.find((agent) => agent.status === "open") ?? live[0] ?? null;
}

export type TestExchange = { customerText: string | null; botReply: string | null; sessionId: Id<"sessions"> };

/** The agent's newest conversation: the customer's first words in it and the bot's latest reply. */
export async function latestExchange(db: DatabaseReader, orgId: Id<"organizations">, agentId: Id<"agents">): Promise<TestExchange | null> {
  const session = await db
    .query("sessions")
    .withIndex("by_org_and_agent_and_lastMessageAt", (q) => q.eq("orgId", orgId).eq("agentId", agentId))
    .order("desc")
    .first();
  if (session === null) return null;
  const newestFirst = await db
    .query("messages")
    .withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", orgId).eq("sessionId", session._id))
    .order("desc")
    .take(MESSAGES_READ);
  // The customer's latest words and the bot's answer to them (none yet while it is still writing).
  const customerAt = newestFirst.findIndex((message) => message.author === "customer");
  const bot = newestFirst.slice(0, customerAt === -1 ? 0 : customerAt).findLast((message) => message.author === "bot");
  return { sessionId: session._id, customerText: newestFirst[customerAt]?.text ?? null, botReply: bot?.text ?? null };
}

export type Evidence = { connected: boolean; botSet: boolean; messageReceived: boolean; teamInvited: boolean };

/** Each step's state: real data first, then what was stored (an invitation, a skip). */
export function stepStates(stored: StoredOnboarding, evidence: Evidence): { step: OnboardingStep; state: StepState }[] {
  const derived: Record<OnboardingStep, boolean> = {
    connect: evidence.connected,
    bot: evidence.botSet,
    test: evidence.messageReceived,
    team: evidence.teamInvited,
  };
  return ONBOARDING_STEPS.map((step) => {
    if (derived[step] || stored.done.includes(step)) return { step, state: "done" as const };
    return { step, state: stored.skipped.includes(step) ? ("skipped" as const) : ("todo" as const) };
  });
}

/** The bot counts as set up once it can name the product and answer the price. */
export function botIsSetUp(agent: Doc<"agents">): boolean {
  return agent.product.trim() !== "" && (agent.knowledge?.priceAnswer.trim() ?? "") !== "";
}

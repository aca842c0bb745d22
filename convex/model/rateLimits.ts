import { defineRateLimits } from "convex-helpers/server/rateLimit";
import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { fail } from "../lib/errors";

/**
 * Rate limits (SECURITY 13), with convex-helpers' limiter: token buckets kept in its `rateLimits`
 * table. A refusal throws RATE_LIMITED (429 over HTTP), so the whole mutation rolls back: nothing is
 * written, and the tokens the other buckets of the same call took are given back too.
 *
 * Keys start with the org id (`<orgId>:member:<externalId>`, `<orgId>:org`), which is what the
 * row-level rule of org functions checks (convex/lib/rls.ts); the webhook's are per agent.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A person's replies and notes: someone typing fast, or firing quick replies, writes a few a minute;
 * 30 a minute with a burst of 20 never stops them, and stops a script flooding a customer.
 */
export const MEMBER_WRITES_PER_MINUTE = 30;
/** The whole team: 20 people writing flat out. */
export const ORG_WRITES_PER_MINUTE = 600;
/** Invitations sent or resent by one admin: onboarding a team is a dozen at once, not hundreds. */
export const MEMBER_INVITES_PER_HOUR = 20;
/** Invitations for the whole organization: each one is an e-mail sent in its name. */
export const ORG_INVITES_PER_HOUR = 50;
/**
 * New WhatsApp numbers: each is a gateway instance; the per-org cap bounds how many exist, this how
 * fast they churn. Setting up a handful of numbers in one sitting is normal (burst of 5 per admin).
 */
export const ORG_AGENTS_CREATED_PER_HOUR = 10;
export const MEMBER_AGENTS_CREATED_PER_HOUR = 5;
/** "New QR" clicks: a QR lives ~40 s, so one every few seconds is already more than anyone needs. */
export const MEMBER_QR_REFRESHES_PER_MINUTE = 10;
export const ORG_QR_REFRESHES_PER_MINUTE = 30;
/**
 * Webhook deliveries per WhatsApp number: a busy number gets a few events a second, a history sync
 * after pairing bursts into the thousands. 50 a second sustained (and a burst of as many) stays far
 * above that while bounding what one number can make us ingest. Evolution retries a 429 with backoff.
 */
export const AGENT_WEBHOOKS_PER_MINUTE = 3000;

export const RATE_LIMITS = {
  memberWrites: { kind: "token bucket", rate: MEMBER_WRITES_PER_MINUTE, period: MINUTE, capacity: 20 },
  orgWrites: { kind: "token bucket", rate: ORG_WRITES_PER_MINUTE, period: MINUTE, capacity: 200 },
  memberInvites: { kind: "token bucket", rate: MEMBER_INVITES_PER_HOUR, period: HOUR, capacity: 10 },
  orgInvites: { kind: "token bucket", rate: ORG_INVITES_PER_HOUR, period: HOUR, capacity: 25 },
  memberAgentCreations: { kind: "token bucket", rate: MEMBER_AGENTS_CREATED_PER_HOUR, period: HOUR, capacity: 5 },
  orgAgentCreations: { kind: "token bucket", rate: ORG_AGENTS_CREATED_PER_HOUR, period: HOUR, capacity: 10 },
  memberQrRefreshes: { kind: "token bucket", rate: MEMBER_QR_REFRESHES_PER_MINUTE, period: MINUTE, capacity: 5 },
  orgQrRefreshes: { kind: "token bucket", rate: ORG_QR_REFRESHES_PER_MINUTE, period: MINUTE, capacity: 15 },
  agentWebhooks: { kind: "token bucket", rate: AGENT_WEBHOOKS_PER_MINUTE, period: MINUTE, capacity: AGENT_WEBHOOKS_PER_MINUTE },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const limiter = defineRateLimits(RATE_LIMITS);

/** The two buckets of a person's action: theirs and their organization's. */
export type OrgScopedLimit = { member: RateLimitName; org: RateLimitName };

export const WRITES: OrgScopedLimit = { member: "memberWrites", org: "orgWrites" };
export const INVITES: OrgScopedLimit = { member: "memberInvites", org: "orgInvites" };
export const AGENT_CREATIONS: OrgScopedLimit = { member: "memberAgentCreations", org: "orgAgentCreations" };
export const QR_REFRESHES: OrgScopedLimit = { member: "memberQrRefreshes", org: "orgQrRefreshes" };

function refuse(retryAt: number | undefined): never {
  const seconds = Math.max(1, Math.ceil(((retryAt ?? Date.now()) - Date.now()) / SECOND));
  fail("RATE_LIMITED", `Too many requests. Try again in ${seconds} s.`);
}

/** Takes one token from `name` for `key`, or throws RATE_LIMITED (rolling the mutation back). */
export async function takeTokenX(db: DatabaseWriter, name: RateLimitName, key: string): Promise<void> {
  const { ok, retryAt } = await limiter.rateLimit({ db }, { name, key });
  if (!ok) refuse(retryAt);
}

/** One token from the member's bucket and one from the org's; RATE_LIMITED when either is empty. */
export async function withinOrgLimitsX(
  db: DatabaseWriter,
  limit: OrgScopedLimit,
  orgId: Id<"organizations">,
  memberExternalId: string | null,
): Promise<void> {
  if (memberExternalId !== null) await takeTokenX(db, limit.member, `${orgId}:member:${memberExternalId}`);
  await takeTokenX(db, limit.org, `${orgId}:org`);
}

import { Webhook } from "svix";
import { LOCAL_CLERK_INSTANCE_ID } from "../../clerk/events";
import { clerkWebhookTarget } from "./config";
import { findUser, type LocalDirectory, type LocalMembership, type LocalOrganization, type LocalUser } from "./model";

/**
 * The local directory told to Convex the way Clerk tells it: `user.created`, `organization.created`
 * and `organizationMembership.created` payloads, svix-signed and POSTed to `/webhooks/clerk`. The
 * svix ids are deterministic, so seeding twice (or after `createOrganization` delivered) is a no-op.
 */

export type ClerkEventType =
  | "user.created"
  | "organization.created"
  | "organization.updated"
  | "organization.deleted"
  | "organizationMembership.created"
  | "organizationMembership.updated"
  | "organizationMembership.deleted";

export type ClerkEventPayload = {
  object: "event";
  type: ClerkEventType;
  instance_id: string;
  timestamp: number;
  event_attributes: Record<string, unknown>;
  data: Record<string, unknown>;
};

export type SeedEvent = { svixId: string; payload: ClerkEventPayload };


function envelope(type: ClerkEventType, timestamp: number, data: Record<string, unknown>): ClerkEventPayload {
  return { object: "event", type, instance_id: LOCAL_CLERK_INSTANCE_ID, timestamp, event_attributes: {}, data };
}

function userData(user: LocalUser) {
  const emailId = `idn_${user.id}`;
  return {
    object: "user",
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    username: null,
    image_url: null,
    has_image: false,
    primary_email_address_id: emailId,
    email_addresses: [{ object: "email_address", id: emailId, email_address: user.email }],
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

function organizationData(org: LocalOrganization, createdBy: string | null) {
  return {
    object: "organization",
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: null,
    has_image: false,
    created_by: createdBy,
    public_metadata: {},
    created_at: org.createdAt,
    updated_at: org.updatedAt ?? org.createdAt,
  };
}

function membershipData(org: LocalOrganization, user: LocalUser, membership: LocalMembership) {
  return {
    object: "organization_membership",
    id: `orgmem_${org.id}_${user.id}`,
    role: `org:${membership.role}`,
    organization: organizationData(org, null),
    public_user_data: {
      user_id: user.id,
      first_name: user.firstName,
      last_name: user.lastName,
      identifier: user.email,
      image_url: null,
      has_image: false,
    },
    created_at: membership.createdAt,
    updated_at: membership.updatedAt ?? membership.createdAt,
  };
}

function ownerOf(directory: LocalDirectory, orgId: string): string | null {
  return directory.memberships.find((m) => m.orgId === orgId && m.role === "owner")?.userId ?? null;
}

function orgEvent(directory: LocalDirectory, org: LocalOrganization): SeedEvent {
  return {
    svixId: `seed_org_${org.id}`,
    payload: envelope("organization.created", org.createdAt, organizationData(org, ownerOf(directory, org.id))),
  };
}

function membershipEvents(directory: LocalDirectory, org: LocalOrganization): SeedEvent[] {
  return directory.memberships.flatMap((membership) => {
    const user = membership.orgId === org.id ? findUser(directory, membership.userId) : null;
    if (user === null) return [];
    return [
      {
        svixId: `seed_membership_${org.id}_${user.id}`,
        payload: envelope("organizationMembership.created", membership.createdAt, membershipData(org, user, membership)),
      },
    ];
  });
}

/** Every user, then every organization, then every membership of `directory`, in that order. */
export function directoryAsClerkEvents(directory: LocalDirectory): SeedEvent[] {
  const users = directory.users.map((user) => ({
    svixId: `seed_user_${user.id}`,
    payload: envelope("user.created", user.createdAt, userData(user)),
  }));
  const orgs = directory.organizations.map((org) => orgEvent(directory, org));
  const memberships = directory.organizations.flatMap((org) => membershipEvents(directory, org));
  return [...users, ...orgs, ...memberships];
}

/** `organization.created` and its memberships' `organizationMembership.created`, for one organization. */
export function organizationAsClerkEvents(directory: LocalDirectory, orgId: string): SeedEvent[] {
  const org = directory.organizations.find((o) => o.id === orgId);
  return org ? [orgEvent(directory, org), ...membershipEvents(directory, org)] : [];
}

export type MembershipChangeType = Extract<ClerkEventType, `organizationMembership.${string}`>;

/**
 * A membership change as Clerk reports it, with a fresh svix id: a later change of the same
 * membership is a new delivery, never mistaken for a replay.
 */
export function membershipChangeEvent(
  directory: LocalDirectory,
  type: MembershipChangeType,
  membership: LocalMembership,
): SeedEvent | null {
  const org = directory.organizations.find((o) => o.id === membership.orgId);
  const user = findUser(directory, membership.userId);
  if (!org || user === null) return null;
  const at = membership.updatedAt ?? membership.createdAt;
  return { svixId: `local_${crypto.randomUUID()}`, payload: envelope(type, at, membershipData(org, user, membership)) };
}

/** A rename as Clerk reports it: the whole organization, with the rename's `updated_at`. */
export function organizationUpdatedEvent(org: LocalOrganization): SeedEvent {
  const at = org.updatedAt ?? org.createdAt;
  return { svixId: `local_${crypto.randomUUID()}`, payload: envelope("organization.updated", at, organizationData(org, null)) };
}

/** Clerk reports a deletion with the id alone. */
export function organizationDeletedEvent(orgId: string, at: number): SeedEvent {
  return { svixId: `local_${crypto.randomUUID()}`, payload: envelope("organization.deleted", at, { object: "organization", id: orgId, deleted: true }) };
}

/** `user.created` for a person who joined by accepting an invitation. */
export function userCreatedEvent(user: LocalUser): SeedEvent {
  return { svixId: `seed_user_${user.id}`, payload: envelope("user.created", user.createdAt, userData(user)) };
}

export class ClerkDeliveryError extends Error {
  constructor(
    readonly svixId: string,
    readonly status: number | null,
  ) {
    super(`Clerk event ${svixId} was not accepted (${status === null ? "unreachable" : `HTTP ${status}`}).`);
    this.name = "ClerkDeliveryError";
  }
}

type DeliverOptions = {
  /** Convex's HTTP actions origin, e.g. http://127.0.0.1:3211 (`CONVEX_SITE_URL`). */
  siteUrl: string;
  /** The `whsec_...` secret Convex verifies with (`CLERK_WEBHOOK_SECRET`). */
  secret: string;
  events: readonly SeedEvent[];
  fetch?: typeof fetch;
};

/** POSTs the events one by one, signed like svix does for Clerk; stops at the first refusal. */
export async function deliverClerkEvents({ siteUrl, secret, events, fetch: send = fetch }: DeliverOptions): Promise<number> {
  const url = `${siteUrl.replace(/\/+$/, "")}/webhooks/clerk`;
  const webhook = new Webhook(secret);
  for (const { svixId, payload } of events) {
    const body = JSON.stringify(payload);
    const sentAt = new Date();
    const headers = {
      "content-type": "application/json",
      "svix-id": svixId,
      "svix-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "svix-signature": webhook.sign(svixId, sentAt, body),
    };
    let status: number | null = null;
    try {
      const response = await send(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
      status = response.status;
      await response.body?.cancel();
    } catch {
      throw new ClerkDeliveryError(svixId, null);
    }
    if (status < 200 || status >= 300) throw new ClerkDeliveryError(svixId, status);
  }
  return events.length;
}

/**
 * Best effort: an organization created locally reaches Convex at once when the webhook is set up;
 * if it is not, or Convex is down, the first request provisions it from the token's claims.
 */
export async function deliverCreatedOrganization(directory: LocalDirectory, orgId: string): Promise<void> {
  await deliverBestEffort(organizationAsClerkEvents(directory, orgId), "a new organization");
}

/**
 * Delivers when the webhook is configured; a failure is logged, not thrown, because the directory
 * already changed (as with Clerk, whose webhooks are retried later, Convex catches up on replay).
 */
export async function deliverBestEffort(events: readonly SeedEvent[], what: string): Promise<void> {
  const target = clerkWebhookTarget();
  if (target === null || events.length === 0) return;
  try {
    await deliverClerkEvents({ ...target, events });
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    console.warn(`[local-auth] Convex was not told about ${what}: ${reason}`);
  }
}

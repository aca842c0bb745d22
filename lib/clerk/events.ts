import { z } from "zod";

/**
 * Clerk webhook payloads, reduced to the few changes SpinDesk applies. Pure (zod only), so the
 * shapes are tested without Convex and the mutation receives a small, validated object.
 */

const epochMs = z.number().int().nonnegative();

const organizationData = z.object({
  id: z.string().min(1),
  name: z.string(),
  slug: z.string().nullish(),
  updated_at: epochMs.optional(),
});

const userData = z.object({
  id: z.string().min(1),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  username: z.string().nullish(),
  image_url: z.string().nullish(),
  primary_email_address_id: z.string().nullish(),
  email_addresses: z.array(z.object({ id: z.string(), email_address: z.string() })).default([]),
  updated_at: epochMs.optional(),
});

const publicUserData = z.object({
  user_id: z.string().min(1),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  identifier: z.string().nullish(),
  image_url: z.string().nullish(),
});

const membershipData = z.object({
  role: z.string().min(1),
  organization: organizationData,
  public_user_data: publicUserData,
  updated_at: epochMs.optional(),
});

const deletedObject = z.object({ id: z.string().min(1) });

/** The `instance_id` of the Clerk-style events the local development issuer delivers. */
export const LOCAL_CLERK_INSTANCE_ID = "ins_local_development";

// `issuer`: the token issuer the org belongs to, stamped by the webhook from the event's instance.
export type OrgProfile = { externalId: string; name: string; slug: string; updatedAt: number; issuer?: string };
export type UserProfile = { externalId: string; email: string; name: string; imageUrl?: string; updatedAt: number };

export type ClerkChange =
  | { kind: "organization.upsert"; org: OrgProfile }
  | { kind: "organization.delete"; orgExternalId: string }
  | { kind: "membership.upsert"; org: OrgProfile; user: UserProfile; role: string; updatedAt: number }
  | { kind: "membership.delete"; org: OrgProfile; user: UserProfile; updatedAt: number }
  | { kind: "user.upsert"; user: UserProfile }
  | { kind: "user.delete"; userExternalId: string };

export const CLERK_EVENT_TYPES = [
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "organizationMembership.created",
  "organizationMembership.updated",
  "organizationMembership.deleted",
  "user.created",
  "user.updated",
  "user.deleted",
] as const;

export type ParsedClerkEvent =
  | { status: "change"; change: ClerkChange }
  | { status: "ignored"; type: string }
  | { status: "invalid"; issues: string[] };

function fullName(first?: string | null, last?: string | null): string {
  return [first, last].filter((part) => part && part.trim()).join(" ").trim();
}

function orgProfile(data: z.infer<typeof organizationData>): OrgProfile {
  return { externalId: data.id, name: data.name, slug: data.slug ?? data.id, updatedAt: data.updated_at ?? 0 };
}

function userProfile(data: z.infer<typeof userData>): UserProfile {
  const primary = data.email_addresses.find((e) => e.id === data.primary_email_address_id) ?? data.email_addresses[0];
  const email = primary?.email_address ?? "";
  return {
    externalId: data.id,
    email,
    name: fullName(data.first_name, data.last_name) || data.username || email || data.id,
    imageUrl: data.image_url ?? undefined,
    updatedAt: data.updated_at ?? 0,
  };
}

function memberProfile(data: z.infer<typeof publicUserData>, updatedAt: number): UserProfile {
  const identifier = data.identifier ?? "";
  return {
    externalId: data.user_id,
    email: identifier.includes("@") ? identifier : "",
    name: fullName(data.first_name, data.last_name) || identifier || data.user_id,
    imageUrl: data.image_url ?? undefined,
    updatedAt,
  };
}

/** The embedded org and user may create missing rows; their own events own their freshness. */
function membershipParties(m: z.infer<typeof membershipData>): { org: OrgProfile; user: UserProfile } {
  return { org: { ...orgProfile(m.organization), updatedAt: 0 }, user: memberProfile(m.public_user_data, 0) };
}

function toChange(type: (typeof CLERK_EVENT_TYPES)[number], data: unknown): ClerkChange {
  switch (type) {
    case "organization.created":
    case "organization.updated":
      return { kind: "organization.upsert", org: orgProfile(organizationData.parse(data)) };
    case "organization.deleted":
      return { kind: "organization.delete", orgExternalId: deletedObject.parse(data).id };
    case "organizationMembership.created":
    case "organizationMembership.updated": {
      const m = membershipData.parse(data);
      return { kind: "membership.upsert", ...membershipParties(m), role: m.role, updatedAt: m.updated_at ?? 0 };
    }
    case "organizationMembership.deleted": {
      const m = membershipData.parse(data);
      return { kind: "membership.delete", ...membershipParties(m), updatedAt: m.updated_at ?? 0 };
    }
    case "user.created":
    case "user.updated":
      return { kind: "user.upsert", user: userProfile(userData.parse(data)) };
    case "user.deleted":
      return { kind: "user.delete", userExternalId: deletedObject.parse(data).id };
  }
}

const envelope = z.object({ type: z.string().min(1), data: z.unknown() });

/** Turns a verified Clerk payload into the change to apply, an ignorable event, or a refusal. */
export function parseClerkEvent(payload: unknown): ParsedClerkEvent {
  const parsedEnvelope = envelope.safeParse(payload);
  if (!parsedEnvelope.success) return { status: "invalid", issues: parsedEnvelope.error.issues.map((i) => i.message) };
  const { type, data } = parsedEnvelope.data;
  const known = CLERK_EVENT_TYPES.find((t) => t === type);
  if (known === undefined) return { status: "ignored", type };
  try {
    return { status: "change", change: toChange(known, data) };
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) : ["unreadable"];
    return { status: "invalid", issues };
  }
}

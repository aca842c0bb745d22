import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";

/** Global identity lookups (by the auth provider's ids): only for webhooks, provisioning and the guard. */
export async function orgByExternalId(db: DatabaseReader, externalId: string): Promise<Doc<"organizations"> | null> {
  return db
    .query("organizations")
    .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
    .unique();
}

export async function userByExternalId(db: DatabaseReader, externalId: string): Promise<Doc<"users"> | null> {
  return db
    .query("users")
    .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
    .unique();
}

export async function membershipOf(
  db: DatabaseReader,
  orgId: Id<"organizations">,
  userId: Id<"users">,
): Promise<Doc<"memberships"> | null> {
  return db
    .query("memberships")
    .withIndex("by_org_and_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

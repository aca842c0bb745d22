import type { Rules } from "convex-helpers/server/rowLevelSecurity";
import type { DataModel, Doc } from "../_generated/dataModel";
import { membershipOf } from "../model/directory";
import type { DatabaseReader } from "../_generated/server";

export type RlsContext = { rawDb: DatabaseReader; org: Doc<"organizations">; viewerUserId: Doc<"users">["_id"] | null };

type OrgOwned = { orgId: Doc<"organizations">["_id"] };

function tenantRule(ctx: RlsContext) {
  const ownedByOrg = async (_: RlsContext, doc: OrgOwned) => doc.orgId === ctx.org._id;
  return { read: ownedByOrg, modify: ownedByOrg, insert: ownedByOrg };
}

/**
 * Row-level security for org functions, applied with `defaultPolicy: "deny"`: a table missing here
 * (webhookDeliveries) is invisible to them, and a tenant row of another org can be neither read
 * nor written even when a handler forgets its filter.
 */
export function orgRules(ctx: RlsContext): Rules<RlsContext, DataModel> {
  const tenant = tenantRule(ctx);
  return {
    organizations: {
      read: async (_, org) => org._id === ctx.org._id,
      modify: async (_, org) => org._id === ctx.org._id,
      insert: async () => false,
    },
    users: {
      // Profiles are global; an org may see the viewer and its own members, nobody else.
      read: async (_, user) => user._id === ctx.viewerUserId || (await isMemberOf(ctx, user._id)),
      modify: async () => false,
      insert: async () => false,
    },
    memberships: tenant,
    agents: tenant,
    contacts: tenant,
    sessions: tenant,
    messages: tenant,
    stageEvents: tenant,
    dailyStats: tenant,
    auditLog: tenant,
    labels: tenant,
    sessionLabels: tenant,
    mentions: tenant,
    pendingMessageUpdates: tenant,
    uploads: tenant,
    mediaInbox: tenant,
    readStates: tenant,
    inboxCounts: tenant,
    quickReplies: tenant,
    // Global limiter buckets (model/rateLimits.ts): an org reaches only the keys it prefixes.
    rateLimits: {
      read: async (_, bucket) => ownsBucket(ctx, bucket.key),
      modify: async (_, bucket) => ownsBucket(ctx, bucket.key),
      insert: async (_, bucket) => ownsBucket(ctx, bucket.key),
    },
  };
}

function ownsBucket(ctx: RlsContext, key: string | undefined): boolean {
  return key !== undefined && key.startsWith(`${ctx.org._id}:`);
}

async function isMemberOf(ctx: RlsContext, userId: Doc<"users">["_id"]): Promise<boolean> {
  const membership = await membershipOf(ctx.rawDb, ctx.org._id, userId);
  return membership !== null && membership.deletedAt === undefined;
}

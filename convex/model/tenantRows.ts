import type { Id, TableNames } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";

type OrgId = Id<"organizations">;
type RowRef = { _id: Id<TableNames> };

/**
 * For every table whose rows belong to one organization: the first `limit` rows of an org, through
 * an index whose first field is orgId. Used by the purge; a test keeps it in step with the schema.
 */
export const tenantRowsByOrg = {
  memberships: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("memberships").withIndex("by_org_and_user", (q) => q.eq("orgId", orgId)).take(limit),
  agents: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("agents").withIndex("by_org", (q) => q.eq("orgId", orgId)).take(limit),
  contacts: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("contacts").withIndex("by_org_and_agent_and_waJid", (q) => q.eq("orgId", orgId)).take(limit),
  sessions: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("sessions").withIndex("by_org_and_lastMessageAt", (q) => q.eq("orgId", orgId)).take(limit),
  messages: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("messages").withIndex("by_org_and_session_and_sentAt", (q) => q.eq("orgId", orgId)).take(limit),
  stageEvents: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("stageEvents").withIndex("by_org_and_session_and_at", (q) => q.eq("orgId", orgId)).take(limit),
  dailyStats: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("dailyStats").withIndex("by_org_and_generation_and_day_and_agent", (q) => q.eq("orgId", orgId)).take(limit),
  auditLog: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("auditLog").withIndex("by_org_and_at", (q) => q.eq("orgId", orgId)).take(limit),
  labels: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("labels").withIndex("by_org_and_name", (q) => q.eq("orgId", orgId)).take(limit),
  sessionLabels: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("sessionLabels").withIndex("by_org_and_session_and_label", (q) => q.eq("orgId", orgId)).take(limit),
  mentions: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("mentions").withIndex("by_org_and_user_and_session", (q) => q.eq("orgId", orgId)).take(limit),
  pendingMessageUpdates: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("pendingMessageUpdates").withIndex("by_org_and_agent_and_externalId", (q) => q.eq("orgId", orgId)).take(limit),
  uploads: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("uploads").withIndex("by_org_and_storageId", (q) => q.eq("orgId", orgId)).take(limit),
  mediaInbox: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("mediaInbox").withIndex("by_org_and_message", (q) => q.eq("orgId", orgId)).take(limit),
  readStates: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("readStates").withIndex("by_org_and_user_and_session", (q) => q.eq("orgId", orgId)).take(limit),
  inboxCounts: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("inboxCounts").withIndex("by_org_and_key", (q) => q.eq("orgId", orgId)).take(limit),
  quickReplies: (db: DatabaseReader, orgId: OrgId, limit: number) =>
    db.query("quickReplies").withIndex("by_org_and_shortcut", (q) => q.eq("orgId", orgId)).take(limit),
} satisfies Record<string, (db: DatabaseReader, orgId: OrgId, limit: number) => Promise<RowRef[]>>;

export type TenantTable = keyof typeof tenantRowsByOrg;

export const TENANT_TABLES = Object.keys(tenantRowsByOrg) as TenantTable[];

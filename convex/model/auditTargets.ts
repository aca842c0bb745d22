import { v, type Infer } from "convex/values";
import type { Doc, TableNames } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { digitsOfJid } from "./contacts";
import { userByExternalId } from "./directory";

/**
 * An audit entry's target, made readable at read time: "agent:<id>" becomes the agent's name, a
 * session its contact, a user the member's name. Names are looked up now (a renamed agent shows its
 * current name); the raw target stays for the details row. Reads go through the org's row-level
 * security, so another organization's rows can never lend a name.
 */

export const AUDIT_TARGET_KINDS = ["agent", "conversation", "contact", "member", "organization", "timezone", "label", "invitation", "other"] as const;

export const auditTargetValidator = v.object({
  kind: v.union(...AUDIT_TARGET_KINDS.map((kind) => v.literal(kind))),
  // What a person reads: a name, a contact, a time zone; null when the row is gone (or never ours).
  label: v.union(v.string(), v.null()),
  // The page it lives on, when there is one to open.
  path: v.union(v.string(), v.null()),
  raw: v.string(),
});
export type AuditTarget = Infer<typeof auditTargetValidator>;

type Resolved = Pick<AuditTarget, "label" | "path">;
type Resolver = (db: DatabaseReader, org: Doc<"organizations">, id: string) => Promise<Resolved>;

const GONE: Resolved = { label: null, path: null };

/** A document of `table` by a stored id string, or null when it is malformed, gone, or another org's. */
async function docOf<T extends TableNames>(db: DatabaseReader, table: T, id: string): Promise<Doc<T> | null> {
  const normalized = db.normalizeId(table, id);
  return normalized === null ? null : db.get(table, normalized);
}

function contactLabel(contact: Doc<"contacts">): string {
  return contact.name ?? contact.whatsappName ?? `+${digitsOfJid(contact.waJidAlt ?? contact.waJid)}`;
}

const orgPath = (org: Doc<"organizations">, rest: string) => `/org/${org.externalId}/${rest}`;

const RESOLVERS: Record<string, { kind: AuditTarget["kind"]; resolve: Resolver }> = {
  agent: {
    kind: "agent",
    resolve: async (db, org, id) => {
      const agent = await docOf(db, "agents", id);
      if (agent === null) return GONE;
      return { label: agent.name, path: agent.deletedAt === undefined ? orgPath(org, `agents/${agent._id}`) : null };
    },
  },
  session: {
    kind: "conversation",
    resolve: async (db, org, id) => {
      const session = await docOf(db, "sessions", id);
      const contact = session === null ? null : await db.get("contacts", session.contactId);
      if (session === null || contact === null) return GONE;
      return { label: contactLabel(contact), path: orgPath(org, `conversations/${session._id}`) };
    },
  },
  contact: {
    kind: "contact",
    resolve: async (db, _org, id) => {
      const contact = await docOf(db, "contacts", id);
      return contact === null ? GONE : { label: contactLabel(contact), path: null };
    },
  },
  user: {
    kind: "member",
    // Users are global rows; row-level security shows only the org's members (and the viewer).
    resolve: async (db, _org, externalId) => ({ label: (await userByExternalId(db, externalId))?.name ?? null, path: null }),
  },
  organization: {
    kind: "organization",
    resolve: async (_db, org, externalId) => ({ label: org.externalId === externalId ? org.name : null, path: null }),
  },
  timezone: { kind: "timezone", resolve: async (_db, _org, zone) => ({ label: zone, path: null }) },
  // Invitations live with the auth provider; the invited email is the name.
  invitation: { kind: "invitation", resolve: async (_db, _org, email) => ({ label: email, path: null }) },
  label: {
    kind: "label",
    resolve: async (db, _org, id) => ({ label: (await docOf(db, "labels", id))?.name ?? null, path: null }),
  },
};

/** "kind:id" as written by recordAudit; anything else is shown as it is. */
export async function describeAuditTarget(db: DatabaseReader, org: Doc<"organizations">, raw: string): Promise<AuditTarget> {
  const separator = raw.indexOf(":");
  const resolver = separator > 0 ? RESOLVERS[raw.slice(0, separator)] : undefined;
  if (resolver === undefined) return { kind: "other", label: null, path: null, raw };
  const resolved = await resolver.resolve(db, org, raw.slice(separator + 1));
  return { kind: resolver.kind, ...resolved, raw };
}

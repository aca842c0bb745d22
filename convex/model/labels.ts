import { labelKey, MAX_LABELS_PER_ORG, MAX_LABELS_PER_SESSION } from "../../lib/inbox/labels";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { fail } from "../lib/errors";

type OrgId = Id<"organizations">;

/** Every label of the org (at most MAX_LABELS_PER_ORG), by name. */
export async function labelsOfOrg(db: DatabaseReader, orgId: OrgId): Promise<Doc<"labels">[]> {
  return db
    .query("labels")
    .withIndex("by_org_and_name", (q) => q.eq("orgId", orgId))
    .take(MAX_LABELS_PER_ORG);
}

export async function labelX(db: DatabaseReader, labelId: Id<"labels">): Promise<Doc<"labels">> {
  const label = await db.get("labels", labelId);
  if (label === null) fail("NOT_FOUND", "This label does not exist.");
  return label;
}

/** A name another label already has (ignoring case and accents) is refused. */
export function assertNameFree(labels: Doc<"labels">[], name: string, except?: Id<"labels">) {
  const key = labelKey(name);
  if (labels.some((label) => label._id !== except && labelKey(label.name) === key)) {
    fail("INVALID_ARGUMENT", "A label with this name already exists.");
  }
}

/** The labels on a conversation, as rows of sessionLabels (at most MAX_LABELS_PER_SESSION). */
export async function sessionLabelRows(db: DatabaseReader, orgId: OrgId, sessionId: Id<"sessions">) {
  return db
    .query("sessionLabels")
    .withIndex("by_org_and_session_and_label", (q) => q.eq("orgId", orgId).eq("sessionId", sessionId))
    .take(MAX_LABELS_PER_SESSION);
}

export type LabelChip = { _id: Id<"labels">; name: string; color: string };

/** The conversation's labels, for its list row and header, by name. */
export async function labelChipsOf(db: DatabaseReader, session: Pick<Doc<"sessions">, "_id" | "orgId">): Promise<LabelChip[]> {
  const chips: LabelChip[] = [];
  for (const row of await sessionLabelRows(db, session.orgId, session._id)) {
    const label = await db.get("labels", row.labelId);
    if (label !== null) chips.push({ _id: label._id, name: label.name, color: label.color });
  }
  return chips.sort((a, b) => a.name.localeCompare(b.name));
}

/** Trigger on sessions: each label row carries the session's lastMessageAt (the label filter's order). */
export async function syncSessionLabels(db: DatabaseWriter, before: Doc<"sessions"> | null, after: Doc<"sessions"> | null) {
  if (after === null || before === null || before.lastMessageAt === after.lastMessageAt) return;
  for (const row of await sessionLabelRows(db, after.orgId, after._id)) {
    if (row.lastMessageAt !== after.lastMessageAt) await db.patch("sessionLabels", row._id, { lastMessageAt: after.lastMessageAt });
  }
}

import { literals } from "convex-helpers/validators";
import { v } from "convex/values";
import { LABEL_COLORS, MAX_LABEL_NAME, MAX_LABELS_PER_ORG, MAX_LABELS_PER_SESSION } from "../lib/inbox/labels";
import type { Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { orgMutation, orgQuery } from "./lib/functions";
import { recordAudit } from "./model/audit";
import { assertNameFree, labelChipsOf, labelsOfOrg, labelX, sessionLabelRows } from "./model/labels";

/** Org-defined labels: admins manage them, every member applies them to conversations. */

const colorValidator = literals(...LABEL_COLORS);
const labelValidator = v.object({ _id: v.id("labels"), name: v.string(), color: v.string() });

function labelNameX(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) fail("INVALID_ARGUMENT", "Give the label a name.");
  if (name.length > MAX_LABEL_NAME) fail("INVALID_ARGUMENT", `A label name holds at most ${MAX_LABEL_NAME} characters.`);
  return name;
}

async function sessionX(db: DatabaseReader, sessionId: Id<"sessions">) {
  const session = await db.get("sessions", sessionId);
  if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
  return session;
}

export const list = orgQuery({
  args: {},
  returns: v.array(labelValidator),
  handler: async (ctx) => {
    const labels = await labelsOfOrg(ctx.db, ctx.org._id);
    return labels.map(({ _id, name, color }) => ({ _id, name, color })).sort((a, b) => a.name.localeCompare(b.name));
  },
});

export const create = orgMutation({
  role: "admin",
  args: { name: v.string(), color: colorValidator },
  returns: v.id("labels"),
  handler: async (ctx, args) => {
    const name = labelNameX(args.name);
    const labels = await labelsOfOrg(ctx.db, ctx.org._id);
    if (labels.length >= MAX_LABELS_PER_ORG) fail("CONFLICT", `An organization has at most ${MAX_LABELS_PER_ORG} labels.`);
    assertNameFree(labels, name);
    const labelId = await ctx.db.insert("labels", { orgId: ctx.org._id, name, color: args.color });
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action: "label.created", target: `label:${labelId}` });
    return labelId;
  },
});

/** Rename and/or recolour. */
export const update = orgMutation({
  role: "admin",
  args: { labelId: v.id("labels"), name: v.optional(v.string()), color: v.optional(colorValidator) },
  returns: v.null(),
  handler: async (ctx, args) => {
    const label = await labelX(ctx.db, args.labelId);
    const name = args.name === undefined ? label.name : labelNameX(args.name);
    if (name !== label.name) assertNameFree(await labelsOfOrg(ctx.db, ctx.org._id), name, label._id);
    await ctx.db.patch("labels", label._id, { name, color: args.color ?? label.color });
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action: "label.updated", target: `label:${label._id}` });
    return null;
  },
});

// Conversations carrying one label, removed with it in one mutation; past this the delete is refused.
const MAX_USES_DELETED_AT_ONCE = 4000;

/** Deletes the label and takes it off every conversation. */
export const remove = orgMutation({
  role: "admin",
  args: { labelId: v.id("labels") },
  returns: v.null(),
  handler: async (ctx, { labelId }) => {
    const label = await labelX(ctx.db, labelId);
    const uses = await ctx.db
      .query("sessionLabels")
      .withIndex("by_org_and_label_and_lastMessageAt", (q) => q.eq("orgId", ctx.org._id).eq("labelId", label._id))
      .take(MAX_USES_DELETED_AT_ONCE + 1);
    if (uses.length > MAX_USES_DELETED_AT_ONCE) fail("CONFLICT", "This label is on too many conversations to delete at once.");
    for (const use of uses) await ctx.db.delete("sessionLabels", use._id);
    await ctx.db.delete("labels", label._id);
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action: "label.deleted", target: `label:${label._id}` });
    return null;
  },
});

export const ofSession = orgQuery({
  args: { sessionId: v.id("sessions") },
  returns: v.array(labelValidator),
  handler: async (ctx, { sessionId }) => labelChipsOf(ctx.db, await sessionX(ctx.db, sessionId)),
});

/** Puts a label on a conversation (idempotent). */
export const apply = orgMutation({
  args: { sessionId: v.id("sessions"), labelId: v.id("labels") },
  returns: v.null(),
  handler: async (ctx, { sessionId, labelId }) => {
    const session = await sessionX(ctx.db, sessionId);
    const label = await labelX(ctx.db, labelId);
    const rows = await sessionLabelRows(ctx.db, ctx.org._id, session._id);
    if (rows.some((row) => row.labelId === label._id)) return null;
    if (rows.length >= MAX_LABELS_PER_SESSION) fail("CONFLICT", `A conversation carries at most ${MAX_LABELS_PER_SESSION} labels.`);
    await ctx.db.insert("sessionLabels", { orgId: ctx.org._id, sessionId: session._id, labelId: label._id, lastMessageAt: session.lastMessageAt });
    return null;
  },
});

/** Takes a label off a conversation (idempotent). */
export const unapply = orgMutation({
  args: { sessionId: v.id("sessions"), labelId: v.id("labels") },
  returns: v.null(),
  handler: async (ctx, { sessionId, labelId }) => {
    const session = await sessionX(ctx.db, sessionId);
    const label = await labelX(ctx.db, labelId);
    for (const row of await sessionLabelRows(ctx.db, ctx.org._id, session._id)) {
      if (row.labelId === label._id) await ctx.db.delete("sessionLabels", row._id);
    }
    return null;
  },
});

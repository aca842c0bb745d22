import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { fail } from "./lib/errors";
import { orgMutation, orgQuery } from "./lib/functions";
import { recordAudit } from "./model/audit";
import { contactOptedOut, digitsOfJid } from "./model/contacts";
import { sessionFields } from "./schema";

/** The contact panel beside a conversation: who the customer is, the team's notes, their other conversations. */

export const MAX_CONTACT_NAME = 100;
export const MAX_CONTACT_NOTES = 2000;
// The panel lists this many of the contact's conversations, newest activity first.
const PAST_CONVERSATIONS = 20;

async function contactX(db: DatabaseReader, contactId: Id<"contacts">) {
  const contact = await db.get("contacts", contactId);
  if (contact === null) fail("NOT_FOUND", "This contact does not exist.");
  return contact;
}

const conversationValidator = v.object({
  _id: v.id("sessions"),
  agentName: v.string(),
  stage: sessionFields.stage,
  // The furthest SPIN stage the conversation reached (it never goes back).
  furthestStage: sessionFields.stage,
  status: sessionFields.status,
  lastMessageAt: v.number(),
});

export const ofSession = orgQuery({
  args: { sessionId: v.id("sessions") },
  returns: v.object({
    _id: v.id("contacts"),
    name: v.union(v.string(), v.null()),
    whatsappName: v.union(v.string(), v.null()),
    // The team sees the number in full (DESIGN masks it in logs only).
    number: v.string(),
    waJid: v.string(),
    waJidAlt: v.union(v.string(), v.null()),
    notes: v.string(),
    optedOut: v.boolean(),
    conversations: v.array(conversationValidator),
  }),
  handler: async (ctx, { sessionId }) => {
    const session = await ctx.db.get("sessions", sessionId);
    if (session === null) fail("NOT_FOUND", "This conversation does not exist.");
    const contact = await contactX(ctx.db, session.contactId);
    const sessions = await ctx.db
      .query("sessions")
      .withIndex("by_org_and_contact_and_lastMessageAt", (q) => q.eq("orgId", ctx.org._id).eq("contactId", contact._id))
      .order("desc")
      .take(PAST_CONVERSATIONS);
    const agentNames = new Map<Id<"agents">, string>();
    for (const { agentId } of sessions) {
      if (!agentNames.has(agentId)) agentNames.set(agentId, (await ctx.db.get("agents", agentId))?.name ?? "");
    }
    return {
      _id: contact._id,
      name: contact.name ?? null,
      whatsappName: contact.whatsappName ?? null,
      number: digitsOfJid(contact.waJid),
      waJid: contact.waJid,
      waJidAlt: contact.waJidAlt ?? null,
      notes: contact.notes ?? "",
      optedOut: await contactOptedOut(ctx.db, contact),
      conversations: sessions.map((row) => ({
        _id: row._id,
        agentName: agentNames.get(row.agentId) ?? "",
        stage: row.stage,
        furthestStage: row.furthestStage ?? row.stage,
        status: row.status,
        lastMessageAt: row.lastMessageAt,
      })),
    };
  },
});

/** The team's name for the person and its notes about them; each change is audited. */
export const update = orgMutation({
  args: { contactId: v.id("contacts"), name: v.optional(v.string()), notes: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    const contact = await contactX(ctx.db, args.contactId);
    const name = args.name?.trim().replace(/\s+/g, " ");
    const notes = args.notes?.trim();
    if (name !== undefined && name.length > MAX_CONTACT_NAME) fail("INVALID_ARGUMENT", `A name holds at most ${MAX_CONTACT_NAME} characters.`);
    if (notes !== undefined && notes.length > MAX_CONTACT_NOTES) fail("INVALID_ARGUMENT", `Notes hold at most ${MAX_CONTACT_NOTES} characters.`);
    const patch = {
      ...(name !== undefined && name !== (contact.name ?? "") ? { name: name || undefined } : {}),
      ...(notes !== undefined && notes !== (contact.notes ?? "") ? { notes: notes || undefined } : {}),
    };
    if (Object.keys(patch).length === 0) return null;
    await ctx.db.patch("contacts", contact._id, patch);
    const action = "name" in patch ? "contact.renamed" : "contact.notes_updated";
    await recordAudit(ctx.db, { orgId: ctx.org._id, actorUserId: ctx.viewer.userId, action, target: `contact:${contact._id}` });
    return null;
  },
});

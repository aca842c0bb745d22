import type { MessageChange } from "../../lib/whatsapp/webhook-events";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { contactSearchText } from "./searchText";

/** The international digits of a JID: `5511999990001:12@s.whatsapp.net` → `5511999990001`. */
export function digitsOfJid(jid: string): string {
  const user = jid.split("@")[0].split(":")[0];
  return user.replace(/\D/g, "");
}

/**
 * What the gateway's `sendText` gets for a contact: the phone digits of its phone JID; a contact
 * whose only identity is a LID keeps the full JID, because LID digits are not a phone number.
 */
export function sendTargetOf(contact: Pick<Doc<"contacts">, "waJid">): string {
  return contact.waJid.endsWith("@s.whatsapp.net") ? digitsOfJid(contact.waJid) : contact.waJid;
}

/** One contact per (org, agent, waJid); inbound messages keep its name and alternate JID current. */
export async function upsertContact(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  change: Pick<MessageChange, "waJid" | "waJidAlt" | "pushName">,
): Promise<{ contactId: Id<"contacts">; created: boolean }> {
  const contact = await db
    .query("contacts")
    .withIndex("by_org_and_agent_and_waJid", (q) => q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("waJid", change.waJid))
    .unique();
  if (contact === null) {
    const contactId = await db.insert("contacts", {
      orgId: agent.orgId,
      agentId: agent._id,
      waJid: change.waJid,
      ...(change.waJidAlt ? { waJidAlt: change.waJidAlt } : {}),
      ...(change.pushName ? { name: change.pushName, whatsappName: change.pushName } : {}),
      searchText: contactSearchText({ name: change.pushName, whatsappName: change.pushName }),
    });
    return { contactId, created: true };
  }
  const patch: Partial<Doc<"contacts">> = {};
  if (change.pushName && change.pushName !== contact.whatsappName) {
    patch.whatsappName = change.pushName;
    // `name` is the team's: it follows the customer's WhatsApp name only until someone edits it.
    if (contact.name === undefined || contact.name === contact.whatsappName) patch.name = change.pushName;
    patch.searchText = contactSearchText({ ...contact, ...patch });
  }
  if (change.waJidAlt && change.waJidAlt !== contact.waJidAlt) patch.waJidAlt = change.waJidAlt;
  if (Object.keys(patch).length > 0) await db.patch("contacts", contact._id, patch);
  return { contactId: contact._id, created: false };
}

/** Whether this person opted out, through any agent of the org (contacts are per agent; the person is not). */
export async function contactOptedOut(db: DatabaseReader, contact: Doc<"contacts">): Promise<boolean> {
  if (contact.optedOutAt !== undefined) return true;
  const samePerson = await db
    .query("contacts")
    .withIndex("by_org_and_waJid", (q) => q.eq("orgId", contact.orgId).eq("waJid", contact.waJid))
    .take(MAX_AGENTS_PER_PERSON);
  return samePerson.some((row) => row.optedOutAt !== undefined);
}

// One contact row per agent the person wrote to: far more agents than an org has.
const MAX_AGENTS_PER_PERSON = 100;

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

type AgentRef = Pick<Doc<"agents">, "_id" | "orgId">;
type Jids = { waJid: string; waJidAlt?: string };

/** The contact a row stands for: itself, or the contact it is being merged into. */
async function live(db: DatabaseReader, rows: Doc<"contacts">[]): Promise<Doc<"contacts"> | null> {
  const current = rows.find((row) => row.mergedIntoId === undefined);
  if (current !== undefined) return current;
  const merged = rows[0];
  return merged === undefined ? null : await db.get("contacts", merged.mergedIntoId!);
}

/** The agent's contact known by this JID, as its primary or its alternate (a LID, or the phone of a LID contact). */
export async function contactByJid(db: DatabaseReader, agent: AgentRef, jid: string): Promise<Doc<"contacts"> | null> {
  const byPrimary = await db
    .query("contacts")
    .withIndex("by_org_and_agent_and_waJid", (q) => q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("waJid", jid))
    .take(2);
  if (byPrimary.length > 0) return live(db, byPrimary);
  const byAlternate = await db
    .query("contacts")
    .withIndex("by_org_and_agent_and_waJidAlt", (q) => q.eq("orgId", agent.orgId).eq("agentId", agent._id).eq("waJidAlt", jid))
    .take(2);
  return live(db, byAlternate);
}

const knows = (contact: Doc<"contacts">, jid: string) => contact.waJid === jid || contact.waJidAlt === jid;

/** Two contacts found to be one person: the older is kept, the newer folded into it (contactMerge). */
export type Merge = { keepId: Id<"contacts">; dropId: Id<"contacts"> };

/** `relinked`: the person's JIDs on the contact changed (a LID and a phone JID learned to be one). */
export type FoundContact = { contact: Doc<"contacts"> | null; merge: Merge | null; relinked: boolean };

/**
 * The one contact of a person known by one or two JIDs (phone and LID), whichever of them earlier
 * messages used. When both JIDs name different contacts (each learned apart), the person's two
 * contacts are linked: the older one keeps both JIDs and the newer is marked to be merged into it.
 */
export async function findPerson(db: DatabaseWriter, agent: AgentRef, jids: Jids): Promise<FoundContact> {
  const byPrimary = await contactByJid(db, agent, jids.waJid);
  const alt = jids.waJidAlt;
  if (alt === undefined || (byPrimary !== null && knows(byPrimary, alt))) return { contact: byPrimary, merge: null, relinked: false };
  const byAlternate = await contactByJid(db, agent, alt);
  const found = [byPrimary, byAlternate].filter((row): row is Doc<"contacts"> => row !== null);
  if (found.length === 0) return { contact: null, merge: null, relinked: false };
  const [keep, drop] = found.length === 2 && found[0]._id !== found[1]._id ? found.sort((a, b) => a._creationTime - b._creationTime) : [found[0], undefined];
  // The phone JID becomes the primary (replies go to a number), the other the alternate.
  const identity = { waJid: jids.waJid, waJidAlt: alt };
  const relinked = keep.waJid !== identity.waJid || keep.waJidAlt !== identity.waJidAlt;
  // searchText in the same write when it is missing (older rows): the trigger need not patch again.
  const searchText = contactSearchText(keep);
  if (relinked) await db.patch("contacts", keep._id, keep.searchText === searchText ? identity : { ...identity, searchText });
  if (drop === undefined) return { contact: { ...keep, ...identity }, merge: null, relinked };
  await db.patch("contacts", drop._id, { mergedIntoId: keep._id });
  return { contact: { ...keep, ...identity }, merge: { keepId: keep._id, dropId: drop._id }, relinked: true };
}

/** The team's `name` follows the WhatsApp name until someone edits it (then it differs from both). */
function namePatch(contact: Doc<"contacts">, whatsappName: string | undefined): Partial<Doc<"contacts">> {
  if (!whatsappName || whatsappName === contact.whatsappName) return {};
  const teamEdited = contact.name !== undefined && contact.whatsappName !== undefined && contact.name !== contact.whatsappName;
  const patch = teamEdited ? { whatsappName } : { whatsappName, name: whatsappName };
  // searchText in the same write (the trigger would otherwise patch again): ingest stays in budget.
  return { ...patch, searchText: contactSearchText({ ...contact, ...patch }) };
}

/** One contact per person and agent; inbound messages keep its WhatsApp name and JIDs current. */
export async function upsertContact(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  change: Jids & { pushName?: string },
): Promise<{ contactId: Id<"contacts">; created: boolean; merge: Merge | null }> {
  const { contact, merge } = await findPerson(db, agent, change);
  if (contact === null) {
    const contactId = await db.insert("contacts", {
      orgId: agent.orgId,
      agentId: agent._id,
      waJid: change.waJid,
      ...(change.waJidAlt ? { waJidAlt: change.waJidAlt } : {}),
      ...(change.pushName ? { name: change.pushName, whatsappName: change.pushName } : {}),
      searchText: contactSearchText({ name: change.pushName, whatsappName: change.pushName }),
    });
    return { contactId, created: true, merge: null };
  }
  const patch = namePatch(contact, change.pushName);
  if (Object.keys(patch).length > 0) await db.patch("contacts", contact._id, patch);
  return { contactId: contact._id, created: false, merge };
}

/**
 * `contacts.upsert` / `contacts.update`: keeps a known contact's WhatsApp name and picture current and
 * links its LID and phone JID. A person who never wrote is not a contact: nothing is created.
 */
export async function applyContactUpdate(
  db: DatabaseWriter,
  agent: Doc<"agents">,
  change: Jids & { whatsappName?: string; profilePictureUrl?: string },
): Promise<{ changed: boolean; merge: Merge | null }> {
  const { contact, merge, relinked } = await findPerson(db, agent, change);
  if (contact === null) return { changed: false, merge: null };
  const patch: Partial<Doc<"contacts">> = namePatch(contact, change.whatsappName);
  if (change.profilePictureUrl && change.profilePictureUrl !== contact.profilePictureUrl) patch.profilePictureUrl = change.profilePictureUrl;
  if (Object.keys(patch).length > 0) await db.patch("contacts", contact._id, patch);
  return { changed: relinked || Object.keys(patch).length > 0, merge };
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

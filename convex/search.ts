import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { searchTextOf } from "../lib/inbox/search-text";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { clampPage } from "./lib/pagination";
import { orgQuery } from "./lib/functions";
import { digitsOfJid } from "./model/contacts";
import { messageFields } from "./schema";

/**
 * Full-text search within the org, accent- and case-insensitive: stored `searchText` fields and the
 * query go through the same lib/inbox/search-text.ts, over Convex search indexes filtered by org.
 */

// Longest query searched; Convex reads at most 16 terms anyway.
const MAX_QUERY_LENGTH = 200;
const CONTACT_RESULTS = 8;

const normalizedQuery = (query: string) => searchTextOf(query.slice(0, MAX_QUERY_LENGTH));

const messageHitValidator = v.object({
  _id: v.id("messages"),
  sessionId: v.id("sessions"),
  author: messageFields.author,
  text: v.string(),
  sentAt: v.number(),
  contactName: v.union(v.string(), v.null()),
  contactNumber: v.string(),
});

/** Contacts of a page, read once each. */
function contactReader(db: DatabaseReader) {
  const contacts = new Map<Id<"contacts">, Doc<"contacts"> | null>();
  return async (contactId: Id<"contacts">) => {
    if (!contacts.has(contactId)) contacts.set(contactId, await db.get("contacts", contactId));
    return contacts.get(contactId) ?? null;
  };
}

/** Messages (notes included: they are the org's) whose words start with the query's, best match first. */
export const messages = orgQuery({
  args: { query: v.string(), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(messageHitValidator),
  handler: async (ctx, { query, paginationOpts }) => {
    const terms = normalizedQuery(query);
    if (terms === "") return { page: [], isDone: true, continueCursor: "" };
    const page = await ctx.db
      .query("messages")
      .withSearchIndex("search_text", (q) => q.search("searchText", terms).eq("orgId", ctx.org._id))
      .paginate(clampPage(paginationOpts));
    const contactOf = contactReader(ctx.db);
    const hits = [];
    for (const message of page.page) {
      const session = await ctx.db.get("sessions", message.sessionId);
      const contact = session === null ? null : await contactOf(session.contactId);
      hits.push({
        _id: message._id,
        sessionId: message.sessionId,
        author: message.author,
        text: message.text,
        sentAt: message.sentAt,
        contactName: contact?.name ?? null,
        contactNumber: contact === null ? "" : digitsOfJid(contact.waJid),
      });
    }
    return { ...page, page: hits };
  },
});

/** Contacts whose name (the team's or WhatsApp's) matches, each with its latest conversation. */
export const contacts = orgQuery({
  args: { query: v.string() },
  returns: v.array(
    v.object({
      _id: v.id("contacts"),
      name: v.union(v.string(), v.null()),
      number: v.string(),
      latestSessionId: v.union(v.id("sessions"), v.null()),
    }),
  ),
  handler: async (ctx, { query }) => {
    const terms = normalizedQuery(query);
    if (terms === "") return [];
    const found = await ctx.db
      .query("contacts")
      .withSearchIndex("search_text", (q) => q.search("searchText", terms).eq("orgId", ctx.org._id))
      .take(CONTACT_RESULTS);
    const results = [];
    for (const contact of found) {
      const latest = await ctx.db
        .query("sessions")
        .withIndex("by_org_and_contact_and_lastMessageAt", (q) => q.eq("orgId", ctx.org._id).eq("contactId", contact._id))
        .order("desc")
        .first();
      results.push({ _id: contact._id, name: contact.name ?? contact.whatsappName ?? null, number: digitsOfJid(contact.waJid), latestSessionId: latest?._id ?? null });
    }
    return results;
  },
});

import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { insertContact, insertSession, orgWithAgent } from "../fixtures/conversations";
import { identity } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const page = { numItems: 10, cursor: null };

/** Messages and contacts written through the product's own paths, so their searchable text is kept. */
async function twoOrgsWithMessages() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const contactId = await insertContact(ctx, a.orgId, a.agentId, { name: "João Silva" });
    const sessionA = await insertSession(ctx, a.orgId, a.agentId, { contactId });
    // Rows stored by the product carry their searchable text (convex-test, unlike Convex, fails on a row without it).
    const contactB = await insertContact(ctx, b.orgId, b.agentId, { name: "João de B", searchText: "joao de b" });
    await ctx.db.patch("contacts", contactId, { searchText: "joao silva" });
    const sessionB = await insertSession(ctx, b.orgId, b.agentId, { contactId: contactB });
    return { a, b, contactId, sessionA, sessionB };
  });
  await t.mutation(internal.messages.insertHumanReply, { orgId: ids.a.orgId, sessionId: ids.sessionA, text: "Segue o orçamento, João!" });
  await t.mutation(internal.messages.insertHumanReply, { orgId: ids.a.orgId, sessionId: ids.sessionA, text: "Qualquer dúvida me chame" });
  await t.mutation(internal.messages.insertHumanReply, { orgId: ids.b.orgId, sessionId: ids.sessionB, text: "Orçamento secreto de B" });
  return { t, ...ids };
}

const searchMessages = (t: ReturnType<typeof newTest>, query: string) =>
  t.withIdentity(member).query(api.search.messages, { orgId: "org_a", query, paginationOpts: page });

describe("messages", () => {
  test("finds a message with accents from a query without them, and the other way round", async () => {
    const { t, sessionA } = await twoOrgsWithMessages();
    for (const query of ["orcamento", "ORÇAMENTO", "Orçam"]) {
      const result = await searchMessages(t, query);
      expect(result.page).toEqual([
        expect.objectContaining({ sessionId: sessionA, text: "Segue o orçamento, João!", contactName: "João Silva", contactNumber: "5511988887777" }),
      ]);
    }
  });

  test("never finds another organization's messages", async () => {
    const { t } = await twoOrgsWithMessages();
    expect((await searchMessages(t, "secreto")).page).toEqual([]);
  });

  test("finds private notes for members, and an edited text by its new words", async () => {
    const { t, sessionA } = await twoOrgsWithMessages();
    const { messageId } = await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "Negociação difícil" });
    expect((await searchMessages(t, "negociacao")).page.map((hit) => hit._id)).toEqual([messageId]);
    await t.run((ctx) => ctx.db.patch("messages", messageId, { text: "Proposta aceita" }));
    // A raw patch skips the triggers: only the product's writers keep the field, so fix it as they would.
    await t.mutation(internal.messages.markFailed, { orgId: (await t.run((ctx) => ctx.db.get("messages", messageId)))!.orgId, messageId });
    expect((await searchMessages(t, "aceita")).page.map((hit) => hit._id)).toEqual([messageId]);
  });

  test("answers an empty or punctuation-only query with nothing", async () => {
    const { t } = await twoOrgsWithMessages();
    expect(await searchMessages(t, " ?! ")).toEqual({ page: [], isDone: true, continueCursor: "" });
  });
});

describe("contacts", () => {
  test("finds a contact by name without accents, with its latest conversation, in this org only", async () => {
    const { t, contactId, sessionA } = await twoOrgsWithMessages();
    await t.withIdentity(member).mutation(api.contacts.update, { orgId: "org_a", contactId, name: "João Silva Santos" });
    const found = await t.withIdentity(member).query(api.search.contacts, { orgId: "org_a", query: "joao" });
    expect(found).toEqual([{ _id: contactId, name: "João Silva Santos", number: "5511988887777", latestSessionId: sessionA }]);
  });
});

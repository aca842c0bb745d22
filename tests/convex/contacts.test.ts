import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { insertContact, insertSession, orgWithAgent } from "../fixtures/conversations";
import { identity } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const code = (code: string) => ({ data: { code } });

async function contactWithHistory() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const contactId = await insertContact(ctx, a.orgId, a.agentId, {
      waJid: "5511999990001@s.whatsapp.net",
      waJidAlt: "123456789@lid",
      name: "Maria",
      whatsappName: "Mah",
      optedOutAt: 5,
    });
    const older = await insertSession(ctx, a.orgId, a.agentId, { contactId, lastMessageAt: 100, status: "resolved", furthestStage: "implication" });
    const current = await insertSession(ctx, a.orgId, a.agentId, { contactId, lastMessageAt: 200 });
    const contactB = await insertContact(ctx, b.orgId, b.agentId);
    const sessionB = await insertSession(ctx, b.orgId, b.agentId, { contactId: contactB });
    return { a, contactId, older, current, contactB, sessionB };
  });
  return { t, ...ids };
}

describe("ofSession", () => {
  test("shows the contact in full with its past conversations, newest first, with their furthest stage", async () => {
    const { t, contactId, older, current } = await contactWithHistory();
    const panel = await t.withIdentity(member).query(api.contacts.ofSession, { orgId: "org_a", sessionId: current });
    expect(panel).toMatchObject({
      _id: contactId,
      name: "Maria",
      whatsappName: "Mah",
      number: "5511999990001",
      waJidAlt: "123456789@lid",
      notes: "",
      optedOut: true,
    });
    expect(panel.conversations.map((row) => [row._id, row.furthestStage, row.status])).toEqual([
      [current, "situation", "open"],
      [older, "implication", "resolved"],
    ]);
  });

  test("refuses another organization's conversation with NOT_FOUND", async () => {
    const { t, sessionB } = await contactWithHistory();
    await expect(t.withIdentity(member).query(api.contacts.ofSession, { orgId: "org_a", sessionId: sessionB })).rejects.toMatchObject(code("NOT_FOUND"));
  });
});

describe("update", () => {
  test("a member renames the contact and writes notes, each change audited", async () => {
    const { t, contactId, current } = await contactWithHistory();
    const caller = t.withIdentity(member);
    await caller.mutation(api.contacts.update, { orgId: "org_a", contactId, name: " Maria  Souza " });
    await caller.mutation(api.contacts.update, { orgId: "org_a", contactId, notes: "Prefere WhatsApp à tarde." });
    const panel = await caller.query(api.contacts.ofSession, { orgId: "org_a", sessionId: current });
    expect(panel).toMatchObject({ name: "Maria Souza", whatsappName: "Mah", notes: "Prefere WhatsApp à tarde." });
    const actions = (await t.run((ctx) => ctx.db.query("auditLog").collect())).map((entry) => entry.action);
    expect(actions).toEqual(["contact.renamed", "contact.notes_updated"]);
  });

  test("refuses notes over 2,000 characters with INVALID_ARGUMENT", async () => {
    const { t, contactId } = await contactWithHistory();
    const attempt = t.withIdentity(member).mutation(api.contacts.update, { orgId: "org_a", contactId, notes: "x".repeat(2001) });
    await expect(attempt).rejects.toMatchObject(code("INVALID_ARGUMENT"));
  });

  test("refuses another organization's contact with NOT_FOUND", async () => {
    const { t, contactB } = await contactWithHistory();
    const attempt = t.withIdentity(member).mutation(api.contacts.update, { orgId: "org_a", contactId: contactB, name: "Mine" });
    await expect(attempt).rejects.toMatchObject(code("NOT_FOUND"));
  });
});

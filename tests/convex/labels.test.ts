import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { insertSession, orgWithAgent } from "../fixtures/conversations";
import { identity, identityWithRole } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const admin = identityWithRole("admin");

async function orgWithLabel() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const sessionA = await insertSession(ctx, a.orgId, a.agentId, { lastMessageAt: 1000 });
    const sessionB = await insertSession(ctx, b.orgId, b.agentId);
    const labelB = await ctx.db.insert("labels", { orgId: b.orgId, name: "Secret of B", color: "rose" });
    return { a, b, sessionA, sessionB, labelB };
  });
  const labelId = await t.withIdentity(admin).mutation(api.labels.create, { orgId: "org_a", name: " Orçamento ", color: "amber" });
  return { t, labelId, ...ids };
}

const code = (code: string) => ({ data: { code } });

describe("create, update and remove", () => {
  test("an admin creates a label, trimmed, listed for every member", async () => {
    const { t } = await orgWithLabel();
    expect(await t.withIdentity(member).query(api.labels.list, { orgId: "org_a" })).toEqual([
      { _id: expect.any(String), name: "Orçamento", color: "amber" },
    ]);
  });

  test("refuses a name another label has, ignoring case and accents, with INVALID_ARGUMENT", async () => {
    const { t } = await orgWithLabel();
    const attempt = t.withIdentity(admin).mutation(api.labels.create, { orgId: "org_a", name: "ORCAMENTO", color: "sky" });
    await expect(attempt).rejects.toMatchObject(code("INVALID_ARGUMENT"));
  });

  test("refuses a name over 40 characters or an empty one with INVALID_ARGUMENT", async () => {
    const { t } = await orgWithLabel();
    const caller = t.withIdentity(admin);
    await expect(caller.mutation(api.labels.create, { orgId: "org_a", name: "x".repeat(41), color: "sky" })).rejects.toMatchObject(code("INVALID_ARGUMENT"));
    await expect(caller.mutation(api.labels.create, { orgId: "org_a", name: "  ", color: "sky" })).rejects.toMatchObject(code("INVALID_ARGUMENT"));
  });

  test("refuses members managing labels with FORBIDDEN", async () => {
    const { t, labelId } = await orgWithLabel();
    const caller = t.withIdentity(member);
    await expect(caller.mutation(api.labels.create, { orgId: "org_a", name: "Quente", color: "rose" })).rejects.toMatchObject(code("FORBIDDEN"));
    await expect(caller.mutation(api.labels.update, { orgId: "org_a", labelId, name: "Quente" })).rejects.toMatchObject(code("FORBIDDEN"));
    await expect(caller.mutation(api.labels.remove, { orgId: "org_a", labelId })).rejects.toMatchObject(code("FORBIDDEN"));
  });

  test("an admin renames and recolours a label, and the change is audited", async () => {
    const { t, labelId } = await orgWithLabel();
    await t.withIdentity(admin).mutation(api.labels.update, { orgId: "org_a", labelId, name: "Proposta", color: "teal" });
    expect(await t.withIdentity(member).query(api.labels.list, { orgId: "org_a" })).toEqual([{ _id: labelId, name: "Proposta", color: "teal" }]);
    const actions = (await t.run((ctx) => ctx.db.query("auditLog").collect())).map((entry) => entry.action);
    expect(actions).toEqual(["label.created", "label.updated"]);
  });

  test("deleting a label takes it off every conversation", async () => {
    const { t, labelId, sessionA } = await orgWithLabel();
    await t.withIdentity(member).mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId });
    await t.withIdentity(admin).mutation(api.labels.remove, { orgId: "org_a", labelId });
    expect(await t.run((ctx) => ctx.db.query("sessionLabels").collect())).toEqual([]);
    expect(await t.withIdentity(member).query(api.labels.list, { orgId: "org_a" })).toEqual([]);
  });

  test("refuses another organization's label with NOT_FOUND", async () => {
    const { t, labelB } = await orgWithLabel();
    const caller = t.withIdentity(admin);
    await expect(caller.mutation(api.labels.update, { orgId: "org_a", labelId: labelB, name: "Mine" })).rejects.toMatchObject(code("NOT_FOUND"));
    await expect(caller.mutation(api.labels.remove, { orgId: "org_a", labelId: labelB })).rejects.toMatchObject(code("NOT_FOUND"));
  });
});

describe("apply and unapply", () => {
  test("a member labels a conversation once, shown on its list row and in ofSession", async () => {
    const { t, labelId, sessionA } = await orgWithLabel();
    const caller = t.withIdentity(member);
    await caller.mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId });
    await caller.mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId });
    expect(await caller.query(api.labels.ofSession, { orgId: "org_a", sessionId: sessionA })).toEqual([{ _id: labelId, name: "Orçamento", color: "amber" }]);
    expect((await caller.query(api.sessions.get, { orgId: "org_a", sessionId: sessionA })).labels).toEqual([
      { _id: labelId, name: "Orçamento", color: "amber" },
    ]);
    await caller.mutation(api.labels.unapply, { orgId: "org_a", sessionId: sessionA, labelId });
    expect(await caller.query(api.labels.ofSession, { orgId: "org_a", sessionId: sessionA })).toEqual([]);
  });

  test("refuses an eleventh label on one conversation with CONFLICT", async () => {
    const { t, sessionA } = await orgWithLabel();
    const ids: Id<"labels">[] = [];
    for (let i = 0; i < 11; i++) ids.push(await t.withIdentity(admin).mutation(api.labels.create, { orgId: "org_a", name: `L${i}`, color: "sky" }));
    for (const labelId of ids.slice(0, 10)) await t.withIdentity(member).mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId });
    const attempt = t.withIdentity(member).mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId: ids[10]! });
    await expect(attempt).rejects.toMatchObject(code("CONFLICT"));
  });

  test("refuses another organization's label or conversation with NOT_FOUND", async () => {
    const { t, labelId, labelB, sessionA, sessionB } = await orgWithLabel();
    const caller = t.withIdentity(member);
    await expect(caller.mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId: labelB })).rejects.toMatchObject(code("NOT_FOUND"));
    await expect(caller.mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionB, labelId })).rejects.toMatchObject(code("NOT_FOUND"));
    await expect(caller.query(api.labels.ofSession, { orgId: "org_a", sessionId: sessionB })).rejects.toMatchObject(code("NOT_FOUND"));
    await expect(caller.mutation(api.labels.unapply, { orgId: "org_a", sessionId: sessionB, labelId })).rejects.toMatchObject(code("NOT_FOUND"));
  });
});

describe("the sessionLabels trigger", () => {
  test("starts at the conversation's lastMessageAt, unmoved by a note or a status change", async () => {
    const { t, labelId, sessionA } = await orgWithLabel();
    await t.withIdentity(member).mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId });
    expect((await t.run((ctx) => ctx.db.query("sessionLabels").collect()))[0]!.lastMessageAt).toBe(1000);
    // A note does not move the conversation; a sent message does (any writer, through the triggers).
    await t.withIdentity(member).mutation(api.notes.add, { orgId: "org_a", sessionId: sessionA, text: "nota" });
    await t.withIdentity(member).mutation(api.triage.resolve, { orgId: "org_a", sessionId: sessionA });
    expect((await t.run((ctx) => ctx.db.query("sessionLabels").collect()))[0]!.lastMessageAt).toBe(1000);
  });

  test("follows a new message into the conversation", async () => {
    const { t, a, labelId, sessionA } = await orgWithLabel();
    await t.withIdentity(member).mutation(api.labels.apply, { orgId: "org_a", sessionId: sessionA, labelId });
    await t.mutation(internal.messages.insertHumanReply, { orgId: a.orgId, sessionId: sessionA, text: "Oi" });
    const session = await t.run((ctx) => ctx.db.get("sessions", sessionA));
    expect(session!.lastMessageAt).toBeGreaterThan(1000);
    expect((await t.run((ctx) => ctx.db.query("sessionLabels").collect()))[0]!.lastMessageAt).toBe(session!.lastMessageAt);
  });
});

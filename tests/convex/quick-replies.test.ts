import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { orgWithAgent } from "../fixtures/conversations";
import { identity, identityWithRole } from "../fixtures/identities";
import { newTest } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const admin = identityWithRole("admin");
const code = (code: string) => ({ data: { code } });

async function orgWithReply() {
  const t = newTest();
  const { replyB } = await t.run(async (ctx) => {
    await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    return { replyB: await ctx.db.insert("quickReplies", { orgId: b.orgId, shortcut: "secret", text: "B only" }) };
  });
  const replyId = await t.withIdentity(admin).mutation(api.quickReplies.create, {
    orgId: "org_a",
    shortcut: "/Preco",
    text: "Oi {{contact.first_name}}, o plano custa R$ 99.",
  });
  return { t, replyId, replyB };
}

describe("quick replies", () => {
  test("an admin creates one (shortcut lowercased, without the slash) and every member lists it", async () => {
    const { t, replyId } = await orgWithReply();
    expect(await t.withIdentity(member).query(api.quickReplies.list, { orgId: "org_a" })).toEqual([
      { _id: replyId, shortcut: "preco", text: "Oi {{contact.first_name}}, o plano custa R$ 99." },
    ]);
  });

  test("an admin edits and deletes one", async () => {
    const { t, replyId } = await orgWithReply();
    const caller = t.withIdentity(admin);
    await caller.mutation(api.quickReplies.update, { orgId: "org_a", quickReplyId: replyId, shortcut: "valor", text: "R$ 99" });
    expect(await caller.query(api.quickReplies.list, { orgId: "org_a" })).toEqual([{ _id: replyId, shortcut: "valor", text: "R$ 99" }]);
    await caller.mutation(api.quickReplies.remove, { orgId: "org_a", quickReplyId: replyId });
    expect(await caller.query(api.quickReplies.list, { orgId: "org_a" })).toEqual([]);
  });

  test("refuses members managing quick replies with FORBIDDEN", async () => {
    const { t, replyId } = await orgWithReply();
    const caller = t.withIdentity(member);
    await expect(caller.mutation(api.quickReplies.create, { orgId: "org_a", shortcut: "oi", text: "Oi" })).rejects.toMatchObject(code("FORBIDDEN"));
    await expect(caller.mutation(api.quickReplies.update, { orgId: "org_a", quickReplyId: replyId, shortcut: "oi", text: "Oi" })).rejects.toMatchObject(
      code("FORBIDDEN"),
    );
    await expect(caller.mutation(api.quickReplies.remove, { orgId: "org_a", quickReplyId: replyId })).rejects.toMatchObject(code("FORBIDDEN"));
  });

  test("refuses a text over 1,000 characters, a bad shortcut or a taken one with INVALID_ARGUMENT", async () => {
    const { t } = await orgWithReply();
    const caller = t.withIdentity(admin);
    const create = (shortcut: string, text: string) => caller.mutation(api.quickReplies.create, { orgId: "org_a", shortcut, text });
    await expect(create("longo", "x".repeat(1001))).rejects.toMatchObject(code("INVALID_ARGUMENT"));
    await expect(create("two words", "x")).rejects.toMatchObject(code("INVALID_ARGUMENT"));
    await expect(create("PRECO", "x")).rejects.toMatchObject(code("INVALID_ARGUMENT"));
    await expect(create("ok", "   ")).rejects.toMatchObject(code("INVALID_ARGUMENT"));
  });

  test("refuses another organization's quick reply with NOT_FOUND", async () => {
    const { t, replyB } = await orgWithReply();
    const caller = t.withIdentity(admin);
    await expect(caller.mutation(api.quickReplies.update, { orgId: "org_a", quickReplyId: replyB, shortcut: "x", text: "x" })).rejects.toMatchObject(
      code("NOT_FOUND"),
    );
    await expect(caller.mutation(api.quickReplies.remove, { orgId: "org_a", quickReplyId: replyB })).rejects.toMatchObject(code("NOT_FOUND"));
  });
});

/** Shared by the agents test files: org A with an admin, a fake gateway, and snapshots of what actions write. */
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { insertContact, insertMessage, insertSession } from "../fixtures/conversations";
import { installFakeEvolution } from "../fixtures/fake-evolution";
import { identityWithRole } from "../fixtures/identities";
import { insertOrg, insertUser } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

export const ORG = "org_a";
export const admin = identityWithRole("admin", ORG, "user_admin");
export const member = identityWithRole("member", ORG, "user_member");

export async function orgWithAdmin() {
  const gateway = installFakeEvolution();
  const t = newTest();
  const { orgId, adminUserId } = await t.run(async (ctx) => {
    const orgId = await insertOrg(ctx, ORG);
    const adminUserId = await insertUser(ctx, "user_admin");
    await ctx.db.insert("memberships", { orgId, userId: adminUserId, role: "admin" });
    return { orgId, adminUserId };
  });
  return { t, gateway, orgId, adminUserId, asAdmin: t.withIdentity(admin), asMember: t.withIdentity(member) };
}

export type Scene = Awaited<ReturnType<typeof orgWithAdmin>>;

export async function createAgent(scene: Scene, name = "Sales bot") {
  return scene.asAdmin.action(api.agentGateway.create, { orgId: ORG, name });
}

export async function agentRow(t: TestConvex, agentId: Id<"agents">) {
  return t.run((ctx) => ctx.db.get("agents", agentId));
}

/** Every row an agent action may write: compare before and after a refused call. */
export async function snapshot(t: TestConvex) {
  return t.run(async (ctx) => ({
    agents: await ctx.db.query("agents").collect(),
    auditLog: await ctx.db.query("auditLog").collect(),
  }));
}

export async function auditActions(t: TestConvex) {
  const entries = await t.run((ctx) => ctx.db.query("auditLog").collect());
  return entries.map(({ action, actorUserId, target }) => ({ action, actorUserId, target }));
}

/** Every property name anywhere inside `value`, to prove a field never leaves the server. */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
}

/** A customer conversation on `agentId`, as the webhook would have stored it. */
export async function insertConversation(t: TestConvex, orgId: Id<"organizations">, agentId: Id<"agents">) {
  return t.run(async (ctx) => {
    const contactId = await insertContact(ctx, orgId, agentId, { waJid: "5511999990001@s.whatsapp.net", name: "Ana" });
    const sessionId = await insertSession(ctx, orgId, agentId, {
      contactId,
      lastMessagePreview: "Olá",
      lastMessageDirection: "in",
      unreadCount: 1,
    });
    const messageId = await insertMessage(ctx, sessionId, { externalId: "WAMID-1" });
    return { contactId, sessionId, messageId };
  });
}

import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { AGENT_REMOVED_AUDIT_ACTION, RESOLVE_BATCH } from "../../convex/model/agentRemoval";
import { insertContact, insertMessage, insertSession } from "../fixtures/conversations";
import { insertOrg, insertTenantRows } from "../fixtures/rows";
import { createAgent, ORG, orgWithAdmin, type Scene } from "./agents-setup";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

type Status = Doc<"sessions">["status"];

/** A connected agent with one conversation in each of `statuses`. */
async function agentWithConversations(scene: Scene, statuses: Status[]) {
  const { agentId, instanceName } = await createAgent(scene);
  scene.gateway.setState(instanceName, "open");
  const sessionIds = await scene.t.run(async (ctx) => {
    await ctx.db.patch("agents", agentId, { status: "open", phoneNumber: "5511999990000" });
    const ids: Id<"sessions">[] = [];
    for (const [index, status] of statuses.entries()) {
      const contactId = await insertContact(ctx, scene.orgId, agentId, { waJid: `55119888800${String(index).padStart(2, "0")}@s.whatsapp.net` });
      const extra = status === "snoozed" ? { snoozedUntil: Date.now() + 3_600_000 } : {};
      const sessionId = await insertSession(ctx, scene.orgId, agentId, { contactId, status, lastMessageAt: 1_700_000_000_000 + index, ...extra });
      await insertMessage(ctx, sessionId, { text: `mensagem ${index}` });
      ids.push(sessionId);
    }
    return ids;
  });
  return { agentId, sessionIds };
}

const sessionsOf = (scene: Scene, ids: Id<"sessions">[]) => scene.t.run(async (ctx) => Promise.all(ids.map((id) => ctx.db.get("sessions", id))));

const removalAudits = (scene: Scene) =>
  scene.t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).filter((entry) => entry.action === AGENT_REMOVED_AUDIT_ACTION));

describe("removing an agent", () => {
  test("resolves its open, pending and snoozed conversations, each with an audit entry saying why", async () => {
    const scene = await orgWithAdmin();
    const { agentId, sessionIds } = await agentWithConversations(scene, ["open", "pending", "snoozed", "resolved"]);

    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });

    const sessions = await sessionsOf(scene, sessionIds);
    expect(sessions.map((session) => session?.status)).toEqual(["resolved", "resolved", "resolved", "resolved"]);
    expect(sessions[2]?.snoozedUntil).toBeUndefined();
    const audits = await removalAudits(scene);
    // The conversation that was already resolved needed nothing and gets no entry.
    expect(audits.map((entry) => entry.target).sort()).toEqual(sessionIds.slice(0, 3).map((id) => `session:${id}`).sort());
    expect(audits.every((entry) => entry.actorUserId === scene.adminUserId)).toBe(true);
  });

  test("takes its conversations out of the waiting and needs-attention queues", async () => {
    const scene = await orgWithAdmin();
    const { agentId, sessionIds } = await agentWithConversations(scene, ["open"]);
    await scene.t.run((ctx) => ctx.db.patch("sessions", sessionIds[0], { waitingSince: 1_700_000_000_000, needsAttention: true }));

    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });

    const [session] = await sessionsOf(scene, sessionIds);
    expect(session).toMatchObject({ status: "resolved", needsAttention: false });
    expect(session?.waitingSince).toBeUndefined();
  });

  test("keeps the conversations readable and says the number was removed", async () => {
    const scene = await orgWithAdmin();
    const { agentId, sessionIds } = await agentWithConversations(scene, ["open"]);

    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });

    const item = await scene.asMember.query(api.sessions.get, { orgId: ORG, sessionId: sessionIds[0] });
    expect(item).toMatchObject({ status: "resolved", agentDeleted: true, agentStatus: "close", agentName: "Sales bot" });
    const messages = await scene.asMember.query(api.messages.list, { orgId: ORG, sessionId: sessionIds[0], paginationOpts: { numItems: 10, cursor: null } });
    expect(messages.page.map((message) => message.text)).toEqual(["mensagem 0"]);
  });

  test("resolves more conversations than one batch holds in scheduled batches", async () => {
    vi.useFakeTimers();
    const scene = await orgWithAdmin();
    const total = RESOLVE_BATCH + 7;
    const { agentId, sessionIds } = await agentWithConversations(scene, Array.from({ length: total }, () => "open" as const));

    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });
    const afterFirst = await sessionsOf(scene, sessionIds);
    expect(afterFirst.filter((session) => session?.status === "resolved")).toHaveLength(RESOLVE_BATCH);

    await scene.t.finishAllScheduledFunctions(vi.runAllTimers);
    expect((await sessionsOf(scene, sessionIds)).every((session) => session?.status === "resolved")).toBe(true);
    expect(await removalAudits(scene)).toHaveLength(total);
  });

  test("leaves a live agent's conversations alone when a batch is scheduled for it", async () => {
    const scene = await orgWithAdmin();
    const { agentId, sessionIds } = await agentWithConversations(scene, ["open"]);
    await scene.t.mutation(internal.agentRemoval.resolveNextBatch, { orgId: scene.orgId, agentId, actorUserId: null });
    expect((await sessionsOf(scene, sessionIds))[0]?.status).toBe("open");
  });

  test("a batch for another organization's agent answers NOT_FOUND", async () => {
    const scene = await orgWithAdmin();
    const rowsB = await scene.t.run(async (ctx) => insertTenantRows(ctx, await insertOrg(ctx, "org_b")));
    const attempt = scene.t.mutation(internal.agentRemoval.resolveNextBatch, { orgId: scene.orgId, agentId: rowsB.agentId, actorUserId: null });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

describe("replying in a removed agent's conversation", () => {
  test("is refused with CONFLICT saying the number was removed, even once reopened, and sends nothing", async () => {
    const scene = await orgWithAdmin();
    const { agentId, sessionIds } = await agentWithConversations(scene, ["open"]);
    await scene.asAdmin.action(api.agentGateway.remove, { orgId: ORG, agentId });
    await scene.asMember.mutation(api.triage.reopen, { orgId: ORG, sessionId: sessionIds[0] });
    const sendsBefore = scene.gateway.callsTo("POST /message/sendText").length;

    const attempt = scene.asMember.action(api.messages.sendHuman, { orgId: ORG, sessionId: sessionIds[0], text: "Oi" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "CONFLICT", message: expect.stringMatching(/removed/) } });
    expect(scene.gateway.callsTo("POST /message/sendText")).toHaveLength(sendsBefore);
    const outbound = await scene.t.run(async (ctx) => (await ctx.db.query("messages").collect()).filter((message) => message.direction === "out"));
    expect(outbound).toEqual([]);
  });

  test("is refused with CONFLICT saying the number is disconnected when it is", async () => {
    const scene = await orgWithAdmin();
    const { agentId, sessionIds } = await agentWithConversations(scene, ["open"]);
    await scene.t.run((ctx) => ctx.db.patch("agents", agentId, { status: "close" }));

    const attempt = scene.asMember.action(api.messages.sendHuman, { orgId: ORG, sessionId: sessionIds[0], text: "Oi" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "CONFLICT", message: expect.stringMatching(/disconnected/) } });
    const item = await scene.asMember.query(api.sessions.get, { orgId: ORG, sessionId: sessionIds[0] });
    expect(item).toMatchObject({ agentStatus: "close", agentDeleted: false });
  });
});

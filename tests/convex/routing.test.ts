import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { adam, auditActions, customerWrites, mia, olivia, seedTeam, sessionRow, type Team } from "./inbox-setup";

const phone = (i: number) => `55119${String(i).padStart(8, "0")}`;

async function setRouting(team: Team, routing: { defaultAssigneeId: Id<"users"> | null; roundRobinMemberIds: Id<"users">[] | null }) {
  await team.t.withIdentity(olivia).mutation(api.routing.setAgentRouting, { orgId: "org_a", agentId: team.agentA, ...routing });
}

// Routing runs right after the write that queued the customer (scheduled by the sessions trigger).
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A customer's first message, and the routing it schedules. */
async function handoff(team: Team, phoneNumber: string) {
  const sessionId = await customerWrites(team.t, phoneNumber);
  await team.t.finishAllScheduledFunctions(vi.runAllTimers);
  return sessionId;
}

/** Owners of `count` new conversations that each start waiting for a person. */
async function ownersOfHandoffs(team: Team, count: number, from = 0) {
  const owners: (Id<"users"> | undefined)[] = [];
  for (let i = from; i < from + count; i++) owners.push((await sessionRow(team.t, await handoff(team, phone(i))))?.assigneeId);
  return owners;
}

const tally = (owners: (Id<"users"> | undefined)[]) => {
  const counts = new Map<string, number>();
  for (const owner of owners) counts.set(String(owner), (counts.get(String(owner)) ?? 0) + 1);
  return Object.fromEntries(counts);
};

describe("handoff routing", () => {
  test("without routing, a conversation waiting for a person stays unassigned", async () => {
    const team = await seedTeam();
    const sessionId = await customerWrites(team.t, phone(1));
    expect(await sessionRow(team.t, sessionId)).toMatchObject({ waitingSince: expect.any(Number) });
    expect((await sessionRow(team.t, sessionId))?.assigneeId).toBeUndefined();
  });

  test("the agent's default owner gets every conversation that starts waiting, audited as a system assignment", async () => {
    const team = await seedTeam();
    await setRouting(team, { defaultAssigneeId: team.adamId, roundRobinMemberIds: [team.miaId] });
    expect(await ownersOfHandoffs(team, 3)).toEqual([team.adamId, team.adamId, team.adamId]);
    const assigned = await team.t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).filter((row) => row.action === "session.assigned"));
    expect(assigned).toHaveLength(3);
    expect(assigned[0].actorUserId).toBeUndefined();
  });

  test("round-robin is fair: over 30 handoffs each of 3 available members gets 10", async () => {
    const team = await seedTeam();
    await setRouting(team, { defaultAssigneeId: null, roundRobinMemberIds: [team.oliviaId, team.adamId, team.miaId] });
    const owners = await ownersOfHandoffs(team, 30);
    expect(tally(owners)).toEqual({ [team.oliviaId]: 10, [team.adamId]: 10, [team.miaId]: 10 });
    expect(owners.slice(0, 3)).toEqual([team.oliviaId, team.adamId, team.miaId]);
  });

  test("round-robin skips a member who marked themselves unavailable, and includes them again once available", async () => {
    const team = await seedTeam();
    await setRouting(team, { defaultAssigneeId: null, roundRobinMemberIds: [team.oliviaId, team.adamId, team.miaId] });
    await team.t.withIdentity(mia).mutation(api.routing.setMyAvailability, { orgId: "org_a", available: false });
    expect(await team.t.withIdentity(mia).query(api.routing.myAvailability, { orgId: "org_a" })).toBe(false);
    expect(tally(await ownersOfHandoffs(team, 6))).toEqual({ [team.oliviaId]: 3, [team.adamId]: 3 });
    await team.t.withIdentity(mia).mutation(api.routing.setMyAvailability, { orgId: "org_a", available: true });
    expect(tally(await ownersOfHandoffs(team, 3, 6))).toEqual({ [team.oliviaId]: 1, [team.adamId]: 1, [team.miaId]: 1 });
  });

  test("round-robin skips a removed member, and leaves the conversation unassigned when nobody is available", async () => {
    const team = await seedTeam();
    await setRouting(team, { defaultAssigneeId: null, roundRobinMemberIds: [team.adamId, team.miaId] });
    await team.t.run(async (ctx) => {
      const membership = (await ctx.db.query("memberships").collect()).find((row) => row.userId === team.miaId)!;
      await ctx.db.patch("memberships", membership._id, { deletedAt: Date.now() });
    });
    expect(await ownersOfHandoffs(team, 2)).toEqual([team.adamId, team.adamId]);
    await team.t.withIdentity(adam).mutation(api.routing.setMyAvailability, { orgId: "org_a", available: false });
    expect(await ownersOfHandoffs(team, 1, 2)).toEqual([undefined]);
  });

  test("a conversation someone already owns keeps its owner when it starts waiting", async () => {
    const team = await seedTeam();
    const sessionId = await customerWrites(team.t, phone(1));
    await team.t.withIdentity(adam).mutation(api.triage.assign, { orgId: "org_a", sessionId, assigneeId: team.miaId });
    await team.t.run((ctx) => ctx.db.patch("sessions", sessionId, { waitingSince: undefined }));
    await setRouting(team, { defaultAssigneeId: team.adamId, roundRobinMemberIds: null });
    await customerWrites(team.t, phone(1), "Alguém aí?");
    expect((await sessionRow(team.t, sessionId))?.assigneeId).toBe(team.miaId);
  });
});

describe("setAgentRouting and agentRouting", () => {
  test("an admin sets the routing and reads it back; the change is audited", async () => {
    const team = await seedTeam();
    await setRouting(team, { defaultAssigneeId: team.adamId, roundRobinMemberIds: [team.miaId, team.adamId] });
    const read = await team.t.withIdentity(olivia).query(api.routing.agentRouting, { orgId: "org_a", agentId: team.agentA });
    expect(read).toEqual({ defaultAssigneeId: team.adamId, roundRobinMemberIds: [team.miaId, team.adamId] });
    expect(await auditActions(team.t)).toContain("agent.routing_updated");
  });

  test("refuses a member with FORBIDDEN, for reading and for changing", async () => {
    const team = await seedTeam();
    const asAdam = team.t.withIdentity(adam);
    await expect(
      asAdam.mutation(api.routing.setAgentRouting, { orgId: "org_a", agentId: team.agentA, defaultAssigneeId: team.adamId, roundRobinMemberIds: null }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(asAdam.query(api.routing.agentRouting, { orgId: "org_a", agentId: team.agentA })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  test("refuses another organization's agent with NOT_FOUND", async () => {
    const team = await seedTeam();
    const asOlivia = team.t.withIdentity(olivia);
    await expect(
      asOlivia.mutation(api.routing.setAgentRouting, { orgId: "org_a", agentId: team.agentB, defaultAssigneeId: null, roundRobinMemberIds: null }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(asOlivia.query(api.routing.agentRouting, { orgId: "org_a", agentId: team.agentB })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });

  test("refuses a default owner or rotation member who is not a member with INVALID_ARGUMENT", async () => {
    const team = await seedTeam();
    const asOlivia = team.t.withIdentity(olivia);
    for (const routing of [
      { defaultAssigneeId: team.bobId, roundRobinMemberIds: null },
      { defaultAssigneeId: null, roundRobinMemberIds: [team.adamId, team.bobId] },
    ]) {
      await expect(asOlivia.mutation(api.routing.setAgentRouting, { orgId: "org_a", agentId: team.agentA, ...routing })).rejects.toMatchObject({
        data: { code: "INVALID_ARGUMENT" },
      });
    }
    expect(await asOlivia.query(api.routing.agentRouting, { orgId: "org_a", agentId: team.agentA })).toEqual({
      defaultAssigneeId: null,
      roundRobinMemberIds: null,
    });
  });
});

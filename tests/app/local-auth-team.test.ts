import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postAcceptInvitation } from "@/app/_lib/auth/local/handlers";
import { createOrganization, listOrgsOf, readDirectory } from "@/lib/auth/local/directory";
import {
  acceptInvitation,
  invite,
  listInvitations,
  listMembers,
  pendingInvitations,
  removeMember,
  resendInvitation,
  revokeInvitation,
  setRole,
} from "@/lib/auth/local/team";
import { answer, captureConvexEvents, postJson, setUpLocalAuthEnvironment, sessionSetBy } from "./local-auth-setup";

const { dataDir } = setUpLocalAuthEnvironment();

const ACME = "org_demo_acme";

const roleIn = async (orgId: string, userId: string) => (await listMembers(orgId)).find((m) => m.userId === userId)?.role ?? null;

describe("invitations", () => {
  it("keeps a pending invitation with the normalized email and role", async () => {
    const invitation = await invite(ACME, " Carla@Acme.Example ", "member", "user_demo_olivia");
    expect(invitation).toMatchObject({ orgId: ACME, email: "carla@acme.example", role: "member" });
    expect(await listInvitations(ACME)).toEqual([invitation]);
    expect(await listInvitations("org_demo_bella")).toEqual([]);
    expect(await pendingInvitations()).toEqual([{ ...invitation, orgName: "Acme Vendas" }]);
  });

  it("refuses a bad email or role, an existing member, and a second invitation to the same person", async () => {
    await expect(invite(ACME, "not-an-email", "member", null)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(invite(ACME, "carla@acme.example", "king", null)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(invite(ACME, "mia@acme.example", "admin", null)).rejects.toMatchObject({ code: "CONFLICT" });
    await invite(ACME, "carla@acme.example", "member", null);
    await expect(invite(ACME, "CARLA@acme.example", "admin", null)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("resends as a new invitation replacing the old one, and revokes", async () => {
    const first = await invite(ACME, "carla@acme.example", "admin", null);
    const second = await resendInvitation(ACME, first.id, "user_demo_adam");
    expect(second).toMatchObject({ email: "carla@acme.example", role: "admin" });
    expect(second.id).not.toBe(first.id);
    expect((await listInvitations(ACME)).map((i) => i.id)).toEqual([second.id]);
    await expect(revokeInvitation(ACME, first.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeInvitation("org_demo_bella", second.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await revokeInvitation(ACME, second.id)).toMatchObject({ email: "carla@acme.example" });
    expect(await listInvitations(ACME)).toEqual([]);
  });
});

describe("acceptInvitation", () => {
  it("creates the person, makes her a member with the invited role and tells Convex", async () => {
    const invitation = await invite(ACME, "carla@acme.example", "member", "user_demo_olivia");
    const events = captureConvexEvents();
    const { userId, orgId } = await acceptInvitation(invitation.id, "  Carla   Dias ");
    expect(orgId).toBe(ACME);
    expect(await listOrgsOf(userId)).toEqual([{ id: ACME, name: "Acme Vendas", slug: "acme-vendas", role: "member" }]);
    expect((await readDirectory()).users.find((u) => u.id === userId)).toMatchObject({ name: "Carla Dias", firstName: "Carla", lastName: "Dias" });
    expect(await listInvitations(ACME)).toEqual([]);
    expect(events()).toMatchObject([
      { kind: "user.upsert", user: { externalId: userId, email: "carla@acme.example", name: "Carla Dias" } },
      { kind: "membership.upsert", role: "org:member", org: { externalId: ACME }, user: { externalId: userId } },
    ]);
  });

  it("names a new person from her email when she gives no name", async () => {
    const invitation = await invite(ACME, "carla.souza@acme.example", "admin", null);
    const { userId } = await acceptInvitation(invitation.id);
    expect((await readDirectory()).users.find((u) => u.id === userId)?.name).toBe("Carla Souza");
  });

  it("adds an existing person without creating her again", async () => {
    const invitation = await invite("org_demo_bella", "adam@acme.example", "admin", null);
    const events = captureConvexEvents();
    expect(await acceptInvitation(invitation.id)).toEqual({ userId: "user_demo_adam", orgId: "org_demo_bella" });
    expect(await roleIn("org_demo_bella", "user_demo_adam")).toBe("admin");
    expect(events().map((change) => change.kind)).toEqual(["membership.upsert"]);
  });

  it("refuses an unknown or already accepted invitation", async () => {
    const invitation = await invite(ACME, "carla@acme.example", "member", null);
    await acceptInvitation(invitation.id);
    await expect(acceptInvitation(invitation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("signs the invitee in to the organization through POST /invitations/accept", async () => {
    const invitation = await invite(ACME, "carla@acme.example", "member", null);
    const response = await postAcceptInvitation(postJson("/invitations/accept", { invitationId: invitation.id, name: "Carla" }));
    const { status, body } = await answer(response);
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ user: { name: "Carla", email: "carla@acme.example" }, activeOrgId: ACME });
    expect(sessionSetBy(response)).toBeTruthy();
  });
});

describe("setRole and removeMember", () => {
  it("changes a demo member's role, persists it and tells Convex with a later updated_at", async () => {
    const events = captureConvexEvents();
    await setRole(ACME, "user_demo_adam", "member");
    expect(await roleIn(ACME, "user_demo_adam")).toBe("member");
    const [change] = events();
    expect(change).toMatchObject({ kind: "membership.upsert", role: "org:member", user: { externalId: "user_demo_adam" } });
    expect(change?.kind === "membership.upsert" && change.updatedAt).toBeGreaterThan(Date.UTC(2025, 0, 1));
  });

  it("sends each change of one membership with a strictly later updated_at", async () => {
    const events = captureConvexEvents();
    await setRole(ACME, "user_demo_mia", "admin");
    await setRole(ACME, "user_demo_mia", "member");
    await removeMember(ACME, "user_demo_mia");
    const times = events().map((change) => ("updatedAt" in change ? change.updatedAt : 0));
    expect(times[1]).toBeGreaterThan(times[0]!);
    expect(times[2]).toBeGreaterThan(times[1]!);
  });

  it("removes a demo member from one organization only and tells Convex", async () => {
    const events = captureConvexEvents();
    await removeMember(ACME, "user_demo_mia");
    expect((await listOrgsOf("user_demo_mia")).map((org) => org.id)).toEqual(["org_demo_bella"]);
    expect(events()).toMatchObject([{ kind: "membership.delete", org: { externalId: ACME }, user: { externalId: "user_demo_mia" } }]);
    await expect(removeMember(ACME, "user_demo_mia")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the last owner: she can be neither demoted nor removed", async () => {
    await expect(setRole(ACME, "user_demo_olivia", "admin")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeMember(ACME, "user_demo_olivia")).rejects.toMatchObject({ code: "CONFLICT" });
    await setRole(ACME, "user_demo_adam", "owner");
    await setRole(ACME, "user_demo_olivia", "admin");
    expect(await roleIn(ACME, "user_demo_olivia")).toBe("admin");
    await expect(removeMember(ACME, "user_demo_adam")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets a removed member come back by invitation, later than her removal", async () => {
    await removeMember(ACME, "user_demo_mia");
    const invitation = await invite(ACME, "mia@acme.example", "admin", null);
    const events = captureConvexEvents();
    await acceptInvitation(invitation.id);
    expect(await roleIn(ACME, "user_demo_mia")).toBe("admin");
    const [change] = events();
    expect(change).toMatchObject({ kind: "membership.upsert", role: "org:admin" });
  });

  it("answers NOT_FOUND for someone who is not a member", async () => {
    await expect(setRole(ACME, "user_demo_bruno", "admin")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the state file", () => {
  it("migrates a version 1 file, keeping its organizations", async () => {
    const file = path.join(dataDir(), "directory.json");
    const v1 = {
      version: 1,
      organizations: [{ id: "org_local_1", name: "Loja", slug: "loja", createdAt: 1 }],
      memberships: [{ orgId: "org_local_1", userId: "user_demo_bruno", role: "owner", createdAt: 1 }],
    };
    await writeFile(file, JSON.stringify(v1));
    expect((await listOrgsOf("user_demo_bruno")).map((org) => org.id)).toEqual(["org_demo_bella", "org_local_1"]);
    await invite("org_local_1", "ana@loja.example", "member", null);
    const onDisk = JSON.parse(await readFile(file, "utf8")) as { version: number; organizations: unknown[]; invitations: unknown[] };
    expect(onDisk).toMatchObject({ version: 2, organizations: v1.organizations, invitations: [expect.objectContaining({ email: "ana@loja.example" })] });
  });

  it("keeps organizations created after team changes", async () => {
    await removeMember(ACME, "user_demo_mia");
    const { organization } = await createOrganization("user_demo_mia", "Loja da Mia");
    expect((await listOrgsOf("user_demo_mia")).map((org) => org.id)).toEqual(["org_demo_bella", organization.id]);
  });
});

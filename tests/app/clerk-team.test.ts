import { describe, expect, it, vi } from "vitest";
import { clerkTeamAdmin, type ClerkOrganizationsApi } from "@/lib/auth/clerk/team";

/** A stand-in for `clerkClient().organizations` that records each Backend API call. */
function fakeOrganizations(overrides: Partial<ClerkOrganizationsApi> = {}) {
  const invitation = (id: string, emailAddress: string, role: string) => ({ id, emailAddress, role, organizationId: "org_1", createdAt: 5 });
  const api: ClerkOrganizationsApi = {
    getOrganizationMembershipList: vi.fn(async () => ({
      data: [
        { role: "org:owner", publicUserData: { userId: "user_o" } },
        { role: "org:admin", publicUserData: { userId: "user_a" } },
        { role: "org:member", publicUserData: null },
      ],
      totalCount: 3,
    })),
    getOrganizationInvitationList: vi.fn(async () => ({ data: [invitation("inv_1", "carla@x.example", "org:member")], totalCount: 1 })),
    getOrganizationInvitation: vi.fn(async () => invitation("inv_1", "carla@x.example", "org:member")),
    createOrganizationInvitation: vi.fn(async (params) => invitation("inv_2", params.emailAddress, params.role)),
    revokeOrganizationInvitation: vi.fn(async () => invitation("inv_1", "carla@x.example", "org:admin")),
    updateOrganizationMembership: vi.fn(async () => ({})),
    deleteOrganizationMembership: vi.fn(async () => ({})),
    ...overrides,
  };
  return { api, team: clerkTeamAdmin(async () => api) };
}

describe("clerkTeamAdmin", () => {
  it("reads members with SpinDesk roles, skipping memberships without a user", async () => {
    const { team } = fakeOrganizations();
    expect(await team.listMembers("org_1")).toEqual([
      { userId: "user_o", role: "owner" },
      { userId: "user_a", role: "admin" },
    ]);
  });

  it("lists only pending invitations", async () => {
    const { api, team } = fakeOrganizations();
    expect(await team.listInvitations("org_1")).toEqual([{ id: "inv_1", orgId: "org_1", email: "carla@x.example", role: "member", createdAt: 5 }]);
    expect(api.getOrganizationInvitationList).toHaveBeenCalledWith(expect.objectContaining({ organizationId: "org_1", status: ["pending"] }));
  });

  it("invites with the org: role key and the inviter", async () => {
    const { api, team } = fakeOrganizations();
    await team.invite("org_1", "carla@x.example", "admin", "user_o");
    expect(api.createOrganizationInvitation).toHaveBeenCalledWith({
      organizationId: "org_1",
      emailAddress: "carla@x.example",
      role: "org:admin",
      inviterUserId: "user_o",
    });
  });

  it("resends by revoking and inviting the same email with the same role again", async () => {
    const { api, team } = fakeOrganizations();
    const fresh = await team.resendInvitation("org_1", "inv_1", "user_o");
    expect(api.revokeOrganizationInvitation).toHaveBeenCalledWith({ organizationId: "org_1", invitationId: "inv_1", requestingUserId: "user_o" });
    expect(api.createOrganizationInvitation).toHaveBeenCalledWith(expect.objectContaining({ emailAddress: "carla@x.example", role: "org:admin" }));
    expect(fresh.id).toBe("inv_2");
  });

  it("changes roles and removes members through the membership endpoints", async () => {
    const { api, team } = fakeOrganizations();
    await team.setRole("org_1", "user_a", "owner");
    await team.removeMember("org_1", "user_a");
    expect(api.updateOrganizationMembership).toHaveBeenCalledWith({ organizationId: "org_1", userId: "user_a", role: "org:owner" });
    expect(api.deleteOrganizationMembership).toHaveBeenCalledWith({ organizationId: "org_1", userId: "user_a" });
  });

  it("turns Clerk's API errors into SpinDesk codes with Clerk's message", async () => {
    const duplicate = Object.assign(new Error("Bad request"), { status: 400, errors: [{ message: "duplicate", longMessage: "Already invited." }] });
    const { team } = fakeOrganizations({ createOrganizationInvitation: vi.fn(async () => Promise.reject(duplicate)) });
    await expect(team.invite("org_1", "carla@x.example", "member", "user_o")).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: "Already invited.",
    });
    const missing = Object.assign(new Error("Not found"), { status: 404, errors: [] });
    const { team: other } = fakeOrganizations({ deleteOrganizationMembership: vi.fn(async () => Promise.reject(missing)) });
    await expect(other.removeMember("org_1", "user_x")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

import { describe, expect, it } from "vitest";
import type { OrgRole } from "@/lib/auth/claims";
import { teamEmail, teamRefusal, type TeamAction } from "@/lib/auth/team";

const asRole = (actorRole: OrgRole | null, ownerCount = 1) => ({ actorRole, ownerCount });
const codeOf = (context: ReturnType<typeof asRole>, action: TeamAction) => teamRefusal(context, action)?.code ?? "OK";

describe("teamRefusal", () => {
  const invite: TeamAction = { kind: "invite", role: "member" };
  const inviteOwner: TeamAction = { kind: "invite", role: "owner" };
  const makeOwner: TeamAction = { kind: "setRole", targetRole: "admin", role: "owner" };
  const demoteOwner: TeamAction = { kind: "setRole", targetRole: "owner", role: "admin" };
  const removeOwner: TeamAction = { kind: "remove", targetRole: "owner" };
  const removeMember: TeamAction = { kind: "remove", targetRole: "member" };

  it.each([
    ["owner", invite, "OK"],
    ["owner", inviteOwner, "OK"],
    ["owner", makeOwner, "OK"],
    ["owner", removeMember, "OK"],
    ["admin", invite, "OK"],
    ["admin", inviteOwner, "FORBIDDEN"],
    ["admin", makeOwner, "FORBIDDEN"],
    ["admin", demoteOwner, "FORBIDDEN"],
    ["admin", removeOwner, "FORBIDDEN"],
    ["admin", removeMember, "OK"],
    ["member", invite, "FORBIDDEN"],
    ["member", { kind: "resend" }, "FORBIDDEN"],
    ["member", { kind: "revoke" }, "FORBIDDEN"],
    ["member", removeMember, "FORBIDDEN"],
    [null, invite, "FORBIDDEN"],
  ] as const)("a %s attempting %o answers %s", (role, action, code) => {
    expect(codeOf(asRole(role, 2), action)).toBe(code);
  });

  it("keeps the last owner: she can be neither demoted nor removed", () => {
    expect(teamRefusal(asRole("owner", 1), demoteOwner)).toEqual({ code: "CONFLICT", reason: "last_owner" });
    expect(teamRefusal(asRole("owner", 1), removeOwner)).toEqual({ code: "CONFLICT", reason: "last_owner" });
  });

  it("lets an owner demote or remove another owner while one remains", () => {
    expect(teamRefusal(asRole("owner", 2), demoteOwner)).toBeNull();
    expect(teamRefusal(asRole("owner", 2), removeOwner)).toBeNull();
  });

  it("says why an admin cannot touch owners", () => {
    expect(teamRefusal(asRole("admin", 1), demoteOwner)).toEqual({ code: "FORBIDDEN", reason: "owner_only" });
  });

  it("tells a member she cannot manage the team before anything else", () => {
    expect(teamRefusal(asRole("member", 1), removeOwner)).toEqual({ code: "FORBIDDEN", reason: "not_admin" });
  });
});

describe("teamEmail", () => {
  it("normalizes case and surrounding spaces", () => {
    expect(teamEmail.parse("  Carla@Acme.Example ")).toBe("carla@acme.example");
  });

  it.each(["carla", "carla@", "@acme.example", "carla @acme.example", `${"a".repeat(250)}@acme.example`])("refuses %s", (raw) => {
    expect(teamEmail.safeParse(raw).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { auditActionKey } from "@/components/audit/audit-action";

describe("auditActionKey", () => {
  it("maps a dotted backend action to its message key", () => {
    expect(auditActionKey("organization.timezone_changed")).toBe("organization_timezone_changed");
    expect(auditActionKey("member.role_changed")).toBe("member_role_changed");
  });

  it("returns null for actions without a label", () => {
    expect(auditActionKey("agent.created")).toBeNull();
  });
});

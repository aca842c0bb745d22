import { describe, expect, it } from "vitest";
import { auditActionKey } from "@/components/audit/audit-action";
import { FINISHED_AUDIT_ACTION, skippedAuditAction } from "@/convex/model/onboarding";
import { ONBOARDING_STEPS } from "@/lib/onboarding";

describe("auditActionKey", () => {
  it("maps a dotted backend action to its message key", () => {
    expect(auditActionKey("organization.timezone_changed")).toBe("organization_timezone_changed");
    expect(auditActionKey("member.role_changed")).toBe("member_role_changed");
  });

  it("labels agent and conversation actions", () => {
    expect(auditActionKey("agent.bot_updated")).toBe("agent_bot_updated");
    expect(auditActionKey("session.bot_paused")).toBe("session_bot_paused");
  });

  it("labels the org profile's business hours and default bot language", () => {
    expect(auditActionKey("organization.business_hours_changed")).toBe("organization_business_hours_changed");
    expect(auditActionKey("organization.business_hours_cleared")).toBe("organization_business_hours_cleared");
    expect(auditActionKey("organization.default_bot_language_changed")).toBe("organization_default_bot_language_changed");
  });

  it("labels each skipped step of the first-run checklist and its hiding", () => {
    for (const step of ONBOARDING_STEPS) expect(auditActionKey(skippedAuditAction(step))).toBe(`onboarding_${step}_skipped`);
    expect(auditActionKey(FINISHED_AUDIT_ACTION)).toBe("onboarding_finished");
  });

  it("returns null for actions without a label", () => {
    expect(auditActionKey("agent.renamed")).toBeNull();
  });
});

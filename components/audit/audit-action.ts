/** Audit actions the UI has a translated label for (`audit.actions.<key>` in the messages). */
export const AUDIT_ACTION_KEYS = [
  "organization_created",
  "organization_updated",
  "organization_renamed",
  "organization_deleted",
  "organization_timezone_changed",
  "organization_business_hours_changed",
  "organization_business_hours_cleared",
  "organization_default_bot_language_changed",
  "member_added",
  "member_removed",
  "member_role_changed",
  "agent_created",
  "agent_qr_refreshed",
  "agent_disconnected",
  "agent_deleted",
  "agent_secret_rotated",
  "agent_bot_updated",
  "session_closed",
  "session_reopened",
  "session_resolved",
  "session_pending",
  "session_snoozed",
  "session_assigned",
  "session_unassigned",
  "agent_routing_updated",
  "session_bot_paused",
  "session_bot_resumed",
  "session_resolved_agent_removed",
  "agent_health_closed",
  "agent_health_unknown_instance",
  "team_invited",
  "team_invitation_resent",
  "team_invitation_revoked",
  "team_role_changed",
  "team_member_removed",
  "label_created",
  "label_updated",
  "label_deleted",
  "quick_reply_created",
  "quick_reply_updated",
  "quick_reply_deleted",
  "contact_renamed",
  "contact_notes_updated",
  "onboarding_connect_skipped",
  "onboarding_bot_skipped",
  "onboarding_test_skipped",
  "onboarding_team_skipped",
  "onboarding_finished",
] as const;

export type AuditActionKey = (typeof AUDIT_ACTION_KEYS)[number];

/** "organization.timezone_changed" → "organization_timezone_changed"; null for actions without a label. */
export function auditActionKey(action: string): AuditActionKey | null {
  const key = action.replace(/\./g, "_");
  return (AUDIT_ACTION_KEYS as readonly string[]).includes(key) ? (key as AuditActionKey) : null;
}

import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";

export type AuditEntry = {
  orgId: Id<"organizations">;
  action: string;
  target: string;
  /** Absent when the change came from a system (a webhook), not a signed-in person. */
  actorUserId?: Id<"users"> | null;
};

/** Records who did what to a tenant; called inside the mutation that makes the change. */
export async function recordAudit(db: DatabaseWriter, entry: AuditEntry): Promise<void> {
  await db.insert("auditLog", {
    orgId: entry.orgId,
    action: entry.action,
    target: entry.target,
    actorUserId: entry.actorUserId ?? undefined,
    at: Date.now(),
  });
}

import { AuditLog } from "@/components/audit/audit-log";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("audit.title");

export default orgPage("audit", ({ orgId }) => <AuditLog orgId={orgId} />);

import { DashboardView } from "@/components/dashboard/dashboard-view";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("dashboard.title");

export default orgPage("dashboard", ({ orgId }) => <DashboardView orgId={orgId} />);

import { orgPage, orgPageMetadata } from "@/components/org/org-page";
import { OrgOverview } from "@/components/org/org-overview";

export const generateMetadata = orgPageMetadata("overview.title");

export default orgPage("overview", ({ orgId }) => <OrgOverview orgId={orgId} />);

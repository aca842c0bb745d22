import { AgentsOverview } from "@/components/agents/agents-overview";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("agents.title");

export default orgPage("agents", ({ orgId }) => <AgentsOverview orgId={orgId} />);

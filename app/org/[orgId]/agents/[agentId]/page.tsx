import { AgentDetail } from "@/components/agents/agent-detail";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";
import type { Id } from "@/convex/_generated/dataModel";

export const generateMetadata = orgPageMetadata("agents.detail.pageTitle");

// Only an id of one of this org's agents gets past the server; anything else is refused there.
export default orgPage<"agentId">(null, ({ orgId, agentId }) => <AgentDetail orgId={orgId} agentId={agentId as Id<"agents">} />);

"use client";

import { AgentDetail } from "@/components/agents/agent-detail";
import { QueryBoundary } from "@/components/data/query-boundary";
import type { Id } from "@/convex/_generated/dataModel";

export function AgentPageClient({ orgId, agentId }: { orgId: string; agentId: string }) {
  // Only an id of one of this org's agents gets past the server; anything else is refused there.
  return (
    <QueryBoundary>
      <AgentDetail orgId={orgId} agentId={agentId as Id<"agents">} />
    </QueryBoundary>
  );
}

"use client";

import { ConversationView } from "@/components/conversations/conversation-view";
import { QueryBoundary } from "@/components/data/query-boundary";
import type { Id } from "@/convex/_generated/dataModel";

export function ConversationPageClient({ orgId, sessionId }: { orgId: string; sessionId: string }) {
  // Only an id from this org's sessions gets past the server; anything else is refused there.
  return (
    <QueryBoundary>
      <ConversationView orgId={orgId} sessionId={sessionId as Id<"sessions">} />
    </QueryBoundary>
  );
}

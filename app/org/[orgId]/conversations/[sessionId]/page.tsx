import { ConversationView } from "@/components/conversations/conversation-view";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";
import type { Id } from "@/convex/_generated/dataModel";

export const generateMetadata = orgPageMetadata("conversations.thread.pageTitle");

// Only an id from this org's sessions gets past the server; anything else is refused there.
export default orgPage<"sessionId">(null, ({ orgId, sessionId }) => (
  <ConversationView orgId={orgId} sessionId={sessionId as Id<"sessions">} />
));

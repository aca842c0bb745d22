import { ConversationInbox } from "@/components/conversations/conversation-inbox";
import { ConversationsSearch } from "@/components/inbox-tools/conversations-search";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("conversations.title");

export default orgPage("conversations", ({ orgId }) => (
  <div className="space-y-4">
    <ConversationsSearch orgId={orgId} />
    <ConversationInbox orgId={orgId} />
  </div>
));

import { ConversationInbox } from "@/components/conversations/conversation-inbox";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("conversations.title");

export default orgPage("conversations", ({ orgId }) => <ConversationInbox orgId={orgId} />);

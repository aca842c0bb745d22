import { MembersTable } from "@/components/members/members-table";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("members.title");

export default orgPage("members", ({ orgId }) => <MembersTable orgId={orgId} />);

import { TeamPage } from "@/components/members/team-page";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("members.title");

export default orgPage("members", ({ orgId }) => <TeamPage orgId={orgId} />);

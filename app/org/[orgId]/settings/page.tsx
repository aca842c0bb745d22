import { orgPage, orgPageMetadata } from "@/components/org/org-page";
import { OrganizationSettings } from "@/components/settings/organization-settings";
import { LabelSettings } from "@/components/settings/label-settings";
import { QuickReplySettings } from "@/components/settings/quick-reply-settings";
import { DeleteOrganizationCard } from "@/components/settings/delete-organization";
import { OrgProfileCard } from "@/components/org-profile/org-profile-card";

export const generateMetadata = orgPageMetadata("settings.title");

export default orgPage("settings", ({ orgId }) => (
  <div className="space-y-6">
    <OrganizationSettings orgId={orgId} />
    <OrgProfileCard orgId={orgId} />
    <LabelSettings orgId={orgId} />
    <QuickReplySettings orgId={orgId} />
    <DeleteOrganizationCard orgId={orgId} />
  </div>
));

import { orgPage, orgPageMetadata } from "@/components/org/org-page";
import { TimezoneSettings } from "@/components/settings/timezone-settings";

export const generateMetadata = orgPageMetadata("settings.title");

export default orgPage("settings", ({ orgId }) => <TimezoneSettings orgId={orgId} />);

import { simulatorUrl } from "@/app/_lib/simulator";
import { OnboardingView } from "@/components/onboarding/onboarding-view";
import { orgPage, orgPageMetadata } from "@/components/org/org-page";

export const generateMetadata = orgPageMetadata("onboarding.title");

export default orgPage("onboarding", ({ orgId }) => <OnboardingView orgId={orgId} simulatorUrl={simulatorUrl()} />);

import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { OrgMismatchScreen, OrgRequiredScreen } from "@/components/org/org-gate";
import { OrgShell } from "@/components/org/org-shell";
import { checkOrgAccess } from "@/lib/auth/verdict";
import { orgPath, signInPath } from "@/lib/auth/routes";
import { getServerSession, isMemberOf } from "@/app/_lib/auth/server";

type OrgLayoutProps = { children: ReactNode; params: Promise<{ orgId: string }> };

/** The server half of the tenant guard: nothing of an org renders unless it is the session's active org. */
export default async function OrgLayout({ children, params }: OrgLayoutProps) {
  const { orgId } = await params;
  const access = checkOrgAccess(await getServerSession(), orgId);
  if (access === "UNAUTHENTICATED") redirect(signInPath(orgPath(orgId)));
  if (access === "ORG_REQUIRED") return <OrgRequiredScreen />;
  if (access === "ORG_MISMATCH") return <OrgMismatchScreen orgId={orgId} canSwitch={await isMemberOf(orgId)} />;
  return <OrgShell orgId={orgId}>{children}</OrgShell>;
}

import type { ReactNode } from "react";
import { SiteHeader } from "@/components/app/site-header";
import { AccountControls } from "@/components/app/account-controls";
import { OrgSwitcher } from "@/components/auth/client";
import { InboxBadge } from "@/components/inbox/inbox-badge";
import { OrgNav } from "./org-nav";
import { OrgProvisioner } from "./org-provisioner";

/** Chrome of every page inside an organization; content waits until the org is provisioned. */
export function OrgShell({ orgId, children }: { orgId: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader
        context={<OrgSwitcher />}
        controls={<AccountControls />}
        notice={<InboxBadge orgId={orgId} />}
      />
      <OrgNav orgId={orgId} />
      <main id="main" className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-6 sm:py-8">
        <OrgProvisioner orgId={orgId}>{children}</OrgProvisioner>
      </main>
    </div>
  );
}

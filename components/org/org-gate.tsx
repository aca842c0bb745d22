import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PageFrame } from "@/components/app/page-frame";
import { AccountControls } from "@/components/app/account-controls";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { SELECT_ORG_PATH } from "@/lib/auth/routes";
import { OrgMismatchNotice } from "./org-mismatch-notice";

function GateFrame({ children }: { children: ReactNode }) {
  return (
    <PageFrame
      controls={<AccountControls />}
      className="max-w-2xl"
    >
      <Card>{children}</Card>
    </PageFrame>
  );
}

/** ORG_REQUIRED: signed in, but no organization is active. */
export function OrgRequiredScreen() {
  const t = useTranslations("orgGate.required");
  return (
    <GateFrame>
      <ErrorState
        titleAs="h1"
        title={t("title")}
        body={t("body")}
        action={<ButtonLink href={SELECT_ORG_PATH}>{t("action")}</ButtonLink>}
      />
    </GateFrame>
  );
}

/** ORG_MISMATCH: the session's active organization is not the one in the URL; switching is offered to members only. */
export function OrgMismatchScreen({ orgId, canSwitch }: { orgId: string; canSwitch: boolean }) {
  return (
    <GateFrame>
      <OrgMismatchNotice orgId={orgId} titleAs="h1" canSwitch={canSwitch} />
    </GateFrame>
  );
}

import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { SELECT_ORG_PATH } from "@/lib/auth/routes";
import { ActivateOrgButton } from "./activate-org-button";

type OrgMismatchNoticeProps = {
  orgId: string;
  titleAs?: "h1" | "p";
  /** The viewer is a member of that organization: she may switch to it. Otherwise only her own orgs are offered. */
  canSwitch?: boolean;
};

/** ORG_MISMATCH: the URL names an organization other than the active one. Shows nothing about it. */
export function OrgMismatchNotice({ orgId, titleAs, canSwitch = true }: OrgMismatchNoticeProps) {
  const t = useTranslations("orgGate.mismatch");
  return (
    <ErrorState
      titleAs={titleAs}
      title={canSwitch ? t("title") : t("notMemberTitle")}
      body={canSwitch ? t("body") : t("notMemberBody")}
      action={
        <div className="flex flex-col items-center gap-3">
          <ButtonLink href={SELECT_ORG_PATH}>{t("chooseAction")}</ButtonLink>
          {canSwitch ? <ActivateOrgButton orgId={orgId} /> : null}
        </div>
      }
    />
  );
}

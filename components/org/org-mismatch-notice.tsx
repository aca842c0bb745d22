import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { SELECT_ORG_PATH } from "@/lib/auth/routes";
import { ActivateOrgButton } from "./activate-org-button";

/** ORG_MISMATCH: the URL names an organization other than the active one. Shows nothing about it. */
export function OrgMismatchNotice({ orgId, titleAs }: { orgId: string; titleAs?: "h1" | "p" }) {
  const t = useTranslations("orgGate.mismatch");
  return (
    <ErrorState
      titleAs={titleAs}
      title={t("title")}
      body={t("body")}
      action={
        <div className="flex flex-col items-center gap-3">
          <ButtonLink href={SELECT_ORG_PATH}>{t("chooseAction")}</ButtonLink>
          <ActivateOrgButton orgId={orgId} />
        </div>
      }
    />
  );
}

"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { DetailList } from "@/components/org/detail-list";
import { RoleBadge } from "@/components/org/role-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { OnboardingCard } from "@/components/onboarding/onboarding-card";
import { orgPath } from "@/lib/auth/routes";

/** The organization's details and where to change them; the first-run checklist until it is done. */
export function OrgOverview({ orgId }: { orgId: string }) {
  const t = useTranslations();
  const org = useQuery(api.organizations.current, { orgId });
  const members = useQuery(api.organizations.members, { orgId });
  if (org === undefined) return <LoadingState label={t("common.loading")} />;

  return (
    <div className="space-y-6">
      <OnboardingCard orgId={orgId} />
      <Card>
      <CardHeader
        title={t("overview.detailsTitle")}
        actions={
          <>
            <ButtonLink href={orgPath(orgId, "/settings")} variant="secondary" size="sm">
              {t("overview.changeTimezone")}
            </ButtonLink>
            <ButtonLink href={orgPath(orgId, "/settings/members")} variant="secondary" size="sm">
              {t("overview.viewMembers")}
            </ButtonLink>
          </>
        }
      />
      <CardBody className="py-1">
        <DetailList
          items={[
            { label: t("overview.name"), value: org.name },
            { label: t("overview.slug"), value: <code className="font-mono text-sm">{org.slug}</code> },
            { label: t("overview.timezone"), value: org.timezone },
            { label: t("overview.yourRole"), value: <RoleBadge role={org.role} /> },
            {
              label: t("overview.memberCount"),
              value:
                members === undefined ? t("common.loading") : t("overview.memberCountValue", { count: members.length }),
            },
          ]}
        />
      </CardBody>
      </Card>
    </div>
  );
}

"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { OrganizationNameForm } from "./organization-name-form";

/**
 * The organization's name for everyone; renaming for owners and admins. The name shown is Convex's
 * copy, which follows the auth provider's webhook: it changes live. Deleting is its own card at the
 * bottom of Settings (`DeleteOrganizationCard`).
 */
export function OrganizationSettings({ orgId }: { orgId: string }) {
  const t = useTranslations("organizationSettings");
  const tCommon = useTranslations("common");
  const org = useQuery(api.organizations.current, { orgId });
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-6">
        {org === undefined ? (
          <LoadingState label={tCommon("loading")} className="py-6" />
        ) : roleAtLeast(org.role, "admin") ? (
          <OrganizationNameForm orgId={orgId} current={org.name} />
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-slate-700">
              <span className="font-medium">{t("name.label")}:</span> {org.name}
            </p>
            <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("name.readOnly")}</p>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

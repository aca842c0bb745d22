"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { TimezoneForm } from "./timezone-form";

/** Current time zone for everyone; the form only for owners and admins. */
export function TimezoneSettings({ orgId }: { orgId: string }) {
  const t = useTranslations();
  const org = useQuery(api.organizations.current, { orgId });
  const rebuild = useQuery(api.metrics.rebuildStatus, { orgId });
  return (
    <Card>
      <CardHeader title={t("settings.timezone.title")} description={t("settings.timezone.description")} />
      <CardBody className="space-y-5">
        {org === undefined ? (
          <LoadingState label={t("common.loading")} className="py-6" />
        ) : (
          <>
            <p className="text-sm text-slate-700">
              <span className="font-medium">{t("settings.timezone.current")}:</span>{" "}
              <span className="font-mono">{org.timezone}</span>
            </p>
            {rebuild ? (
              <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                {t("dashboard.recalculating", { timezone: rebuild.timeZone, processed: rebuild.processed })}
              </p>
            ) : null}
            {roleAtLeast(org.role, "admin") ? (
              <TimezoneForm orgId={orgId} current={org.timezone} />
            ) : (
              <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
                {t("settings.timezone.readOnly")}
              </p>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}

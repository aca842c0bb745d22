"use client";

import { useTranslations } from "next-intl";
import { QueryBoundary } from "@/components/data/query-boundary";
import { TimezoneSettings } from "@/components/settings/timezone-settings";
import { PageHeader } from "@/components/ui/page-header";

export function SettingsPageClient({ orgId }: { orgId: string }) {
  const t = useTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <QueryBoundary>
        <TimezoneSettings orgId={orgId} />
      </QueryBoundary>
    </>
  );
}

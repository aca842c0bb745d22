"use client";

import { useTranslations } from "next-intl";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { QueryBoundary } from "@/components/data/query-boundary";
import { PageHeader } from "@/components/ui/page-header";

export function DashboardPageClient({ orgId }: { orgId: string }) {
  const t = useTranslations("dashboard");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <QueryBoundary>
        <DashboardView orgId={orgId} />
      </QueryBoundary>
    </>
  );
}

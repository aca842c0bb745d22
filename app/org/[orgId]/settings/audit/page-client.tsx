"use client";

import { useTranslations } from "next-intl";
import { AuditLog } from "@/components/audit/audit-log";
import { QueryBoundary } from "@/components/data/query-boundary";
import { PageHeader } from "@/components/ui/page-header";

export function AuditPageClient({ orgId }: { orgId: string }) {
  const t = useTranslations("audit");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <QueryBoundary>
        <AuditLog orgId={orgId} />
      </QueryBoundary>
    </>
  );
}

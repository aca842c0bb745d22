"use client";

import { useTranslations } from "next-intl";
import { AgentsOverview } from "@/components/agents/agents-overview";
import { QueryBoundary } from "@/components/data/query-boundary";
import { PageHeader } from "@/components/ui/page-header";

export function AgentsPageClient({ orgId }: { orgId: string }) {
  const t = useTranslations("agents");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <QueryBoundary>
        <AgentsOverview orgId={orgId} />
      </QueryBoundary>
    </>
  );
}

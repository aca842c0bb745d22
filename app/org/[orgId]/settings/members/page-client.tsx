"use client";

import { useTranslations } from "next-intl";
import { QueryBoundary } from "@/components/data/query-boundary";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui/page-header";

export function MembersPageClient({ orgId }: { orgId: string }) {
  const t = useTranslations("members");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <QueryBoundary>
        <MembersTable orgId={orgId} />
      </QueryBoundary>
    </>
  );
}

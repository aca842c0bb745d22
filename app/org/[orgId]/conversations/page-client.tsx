"use client";

import { useTranslations } from "next-intl";
import { ConversationInbox } from "@/components/conversations/conversation-inbox";
import { QueryBoundary } from "@/components/data/query-boundary";
import { PageHeader } from "@/components/ui/page-header";

export function ConversationsPageClient({ orgId }: { orgId: string }) {
  const t = useTranslations("conversations");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <QueryBoundary>
        <ConversationInbox orgId={orgId} />
      </QueryBoundary>
    </>
  );
}

"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { InboxLayout } from "@/components/inbox/inbox-layout";
import { MentionedConversations } from "@/components/inbox/mentioned-conversations";
import { ConversationFilters } from "./conversation-filters";
import { ConversationList } from "./conversation-list";
import { useConversationFilters } from "./use-conversation-filters";

/** The live inbox: filters (kept in the URL) over the paginated conversation list. */
export function ConversationInbox({ orgId }: { orgId: string }) {
  const t = useTranslations("conversations");
  const org = useQuery(api.organizations.current, { orgId });
  const agents = useQuery(api.agents.list, { orgId });
  const { filters, setFilters } = useConversationFilters(agents?.map((agent) => agent._id));
  if (org === undefined || agents === undefined) return <LoadingState label={t("loading")} />;

  return (
    <Card>
      <CardHeader title={t("listTitle")} description={t("timesIn", { timezone: org.timezone })} />
      <InboxLayout orgId={orgId} view={filters.view} onView={(view) => setFilters({ ...filters, view })}>
        <ConversationFilters orgId={orgId} agents={agents} filters={filters} onChange={setFilters} />
        {filters.view === "mine" ? <MentionedConversations orgId={orgId} timeZone={org.timezone} /> : null}
        <ConversationList orgId={orgId} filters={filters} timeZone={org.timezone} />
      </InboxLayout>
    </Card>
  );
}

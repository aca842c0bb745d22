"use client";

import { usePaginatedQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingState, Spinner } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { orgPath } from "@/lib/auth/routes";
import { EmptyView } from "@/components/inbox/empty-view";
import { SetupEmptyState } from "@/components/onboarding/setup-hint";
import { ConversationRow } from "./conversation-row";
import type { ConversationFilters } from "./use-conversation-filters";

const PAGE_SIZE = 25;

type ConversationListProps = { orgId: string; filters: ConversationFilters; timeZone: string };

/** Newest activity first, live: new messages move a conversation to the top. */
export function ConversationList({ orgId, filters, timeZone }: ConversationListProps) {
  const t = useTranslations("conversations");
  const { results, status, loadMore } = usePaginatedQuery(api.inbox.list, { orgId, ...filters }, { initialNumItems: PAGE_SIZE });
  const filtered = Object.values(filters).some((value) => value !== undefined && value !== "all");

  if (status === "LoadingFirstPage") return <LoadingState label={t("loading")} />;
  // A narrowed page can come back empty with more to read: that is not the end of the list.
  if (results.length === 0 && status === "Exhausted") {
    if (filters.view !== "all" && filters.status === undefined) return <EmptyView view={filters.view} />;
    if (filtered) return <EmptyState title={t("emptyFiltered")} body={t("emptyFilteredBody")} />;
    // A new organization's inbox says what comes first: a number, then a test message.
    return (
      <SetupEmptyState
        orgId={orgId}
        fallback={
          <EmptyState
            title={t("empty")}
            body={t("emptyBody")}
            action={
              <ButtonLink href={orgPath(orgId, "/agents")} variant="secondary">
                {t("goToAgents")}
              </ButtonLink>
            }
          />
        }
      />
    );
  }

  return (
    <>
      <ul aria-label={t("listLabel")} className="divide-y divide-slate-100">
        {results.map((session) => (
          <ConversationRow key={session._id} orgId={orgId} session={session} timeZone={timeZone} />
        ))}
      </ul>
      <div className="flex items-center justify-center border-t border-slate-200 px-5 py-4">
        {status === "CanLoadMore" ? (
          <Button variant="secondary" onClick={() => loadMore(PAGE_SIZE)}>
            {t("loadMore")}
          </Button>
        ) : status === "LoadingMore" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner className="size-4" />
            {t("loadingMore")}
          </p>
        ) : (
          <p className="text-sm text-slate-500">{t("end")}</p>
        )}
      </div>
    </>
  );
}

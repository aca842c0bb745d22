"use client";

import { usePaginatedQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingState, Spinner } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { auditActionKey } from "./audit-action";

const PAGE_SIZE = 20;
const headerCell = "px-5 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

/** The paginated log itself; only rendered for owners and admins. */
export function AuditEntries({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const { results, status, loadMore } = usePaginatedQuery(
    api.organizations.auditLog,
    { orgId },
    { initialNumItems: PAGE_SIZE },
  );

  if (status === "LoadingFirstPage") return <LoadingState label={t("common.loading")} />;
  if (results.length === 0) return <EmptyState title={t("audit.empty")} body={t("audit.emptyBody")} />;

  return (
    <>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">{t("audit.tableCaption")}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headerCell}>
                {t("audit.when")}
              </th>
              <th scope="col" className={headerCell}>
                {t("audit.who")}
              </th>
              <th scope="col" className={headerCell}>
                {t("audit.action")}
              </th>
              <th scope="col" className={headerCell}>
                {t("audit.target")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {results.map((entry) => {
              const key = auditActionKey(entry.action);
              return (
                <tr key={entry._id}>
                  <td className="px-5 py-3 text-sm whitespace-nowrap text-slate-700">
                    <time dateTime={new Date(entry.at).toISOString()}>
                      {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short", timeZone })}
                    </time>
                  </td>
                  <td className="px-5 py-3 text-sm text-slate-900">{entry.actorName ?? t("audit.system")}</td>
                  <td className="px-5 py-3 text-sm text-slate-900">{key ? t(`audit.actions.${key}`) : entry.action}</td>
                  <td className="px-5 py-3 font-mono text-xs break-all text-slate-600">{entry.target}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-center border-t border-slate-200 px-5 py-4">
        {status === "CanLoadMore" ? (
          <Button variant="secondary" onClick={() => loadMore(PAGE_SIZE)}>
            {t("audit.loadMore")}
          </Button>
        ) : status === "LoadingMore" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner className="size-4" />
            {t("audit.loadingMore")}
          </p>
        ) : (
          <p className="text-sm text-slate-500">{t("audit.end")}</p>
        )}
      </div>
    </>
  );
}

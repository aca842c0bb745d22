"use client";

import { usePaginatedQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingState, Spinner } from "@/components/ui/spinner";
import { stackedTable as st } from "@/components/ui/stacked-table";
import { api } from "@/convex/_generated/api";
import { auditActionKey } from "./audit-action";
import { AuditTargetCell } from "./audit-target";

const PAGE_SIZE = 20;
const headerCell = st.headerCell;

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
      <div className={st.wrapper} role="region" aria-label={t("audit.tableCaption")} tabIndex={0}>
        <table className={st.table}>
          <caption className="sr-only">{t("audit.tableCaption")}</caption>
          <thead className={st.thead}>
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
          <tbody className={st.tbody}>
            {results.map((entry) => {
              const key = auditActionKey(entry.action);
              return (
                <tr key={entry._id} className={st.row}>
                  <td data-label={t("audit.when")} className={`px-5 py-3 text-sm whitespace-nowrap text-slate-700 ${st.cell}`}>
                    <time dateTime={new Date(entry.at).toISOString()}>
                      {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short", timeZone })}
                    </time>
                  </td>
                  <td data-label={t("audit.who")} className={`px-5 py-3 text-sm text-slate-900 ${st.cell}`}>
                    {entry.actorName ?? t("audit.system")}
                  </td>
                  <td data-label={t("audit.action")} className={`px-5 py-3 text-sm text-slate-900 ${st.cell}`}>{key ? t(`audit.actions.${key}`) : entry.action}</td>
                  <td data-label={t("audit.target")} className={`px-5 py-3 ${st.cell}`}>
                    <AuditTargetCell target={entry.target} />
                  </td>
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

"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { RoleBadge } from "@/components/org/role-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

const headerCell = "px-5 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

export function MembersTable({ orgId }: { orgId: string }) {
  const t = useTranslations();
  const members = useQuery(api.organizations.members, { orgId });

  return (
    <Card>
      <CardHeader
        title={t("members.title")}
        description={members ? t("members.count", { count: members.length }) : undefined}
      />
      {members === undefined ? (
        <LoadingState label={t("common.loading")} />
      ) : members.length === 0 ? (
        <EmptyState title={t("members.empty")} body={t("members.emptyBody")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200">
            <caption className="sr-only">{t("members.tableCaption")}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={headerCell}>
                  {t("members.name")}
                </th>
                <th scope="col" className={headerCell}>
                  {t("members.email")}
                </th>
                <th scope="col" className={headerCell}>
                  {t("members.role")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row" className="px-5 py-3 text-left text-sm font-medium text-slate-900">
                    <span className="flex items-center gap-3">
                      <span
                        aria-hidden="true"
                        className="grid size-8 shrink-0 place-items-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700"
                      >
                        {initials(member.name)}
                      </span>
                      <span className="truncate">{member.name}</span>
                      {member.isViewer ? <Badge tone="brand">{t("common.you")}</Badge> : null}
                    </span>
                  </th>
                  <td className="px-5 py-3 text-sm text-slate-600">{member.email}</td>
                  <td className="px-5 py-3 text-sm">
                    <RoleBadge role={member.role} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

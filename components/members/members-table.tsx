"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RoleBadge } from "@/components/org/role-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingState } from "@/components/ui/spinner";
import { stackedTable as st } from "@/components/ui/stacked-table";
import { Avatar } from "@/components/ui/avatar";
import { api } from "@/convex/_generated/api";
import { roleAtLeast, type OrgRole } from "@/lib/auth/claims";
import { ownerCountOf } from "@/lib/auth/team";
import { MemberRoleSelect, RemoveMemberButton, type TeamRules } from "./member-controls";

const headerCell = st.headerCell;

/** Live from Convex: a change made through the auth provider shows up once its webhook syncs the rows. */
export function MembersTable({ orgId, viewerRole }: { orgId: string; viewerRole: OrgRole | null }) {
  const t = useTranslations();
  const members = useQuery(api.organizations.members, { orgId });
  const [notice, setNotice] = useState("");
  const rules: TeamRules | null =
    members && viewerRole && roleAtLeast(viewerRole, "admin") ? { viewerRole, ownerCount: ownerCountOf(members) } : null;

  return (
    <Card>
      <CardHeader
        title={t("members.title")}
        description={members ? t("members.count", { count: members.length }) : undefined}
      />
      <p role="status" className="px-5 pt-3 text-sm text-emerald-800 empty:hidden">
        {notice}
      </p>
      {members === undefined ? (
        <LoadingState label={t("common.loading")} />
      ) : members.length === 0 ? (
        <EmptyState title={t("members.empty")} body={t("members.emptyBody")} />
      ) : (
        <div className={st.wrapper}>
          <table className={st.table}>
            <caption className="sr-only">{t("members.tableCaption")}</caption>
            <thead className={st.thead}>
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
                {rules ? (
                  <th scope="col" className={headerCell}>
                    <span className="sr-only">{t("team.members.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className={st.tbody}>
              {members.map((member) => (
                <tr key={member.userId} className={st.row}>
                  <th scope="row" className={`px-5 py-3 text-left text-sm font-medium text-slate-900 ${st.rowHeader}`}>
                    <span className="flex items-center gap-3">
                      <Avatar name={member.name} className="size-8 bg-slate-200 text-xs text-slate-700" />
                      <span className="min-w-0 truncate">{member.name}</span>
                      {member.isViewer ? <Badge tone="brand">{t("common.you")}</Badge> : null}
                    </span>
                  </th>
                  <td data-label={t("members.email")} className={`px-5 py-3 text-sm break-all text-slate-600 ${st.cell}`}>
                    {member.email}
                  </td>
                  <td data-label={t("members.role")} className={`px-5 py-3 text-sm ${st.cell}`}>
                    {rules ? (
                      <MemberRoleSelect orgId={orgId} rules={rules} member={member} onNotice={setNotice} />
                    ) : (
                      <RoleBadge role={member.role} />
                    )}
                  </td>
                  {rules ? (
                    <td className={`px-5 py-3 text-right text-sm max-sm:block max-sm:p-0 max-sm:pt-1`}>
                      <RemoveMemberButton orgId={orgId} rules={rules} member={member} onNotice={setNotice} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

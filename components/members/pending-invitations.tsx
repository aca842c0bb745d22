"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { listTeamInvitations, resendTeamInvitation, revokeTeamInvitation } from "@/app/org/[orgId]/settings/members/actions";
import { RoleBadge } from "@/components/org/role-badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { InlineError } from "@/components/ui/field";
import { LoadingState } from "@/components/ui/spinner";
import { stackedTable as st } from "@/components/ui/stacked-table";
import type { TeamInvitation } from "@/lib/auth/team";
import { useTeamAction } from "./use-team-action";

type Loaded = { status: "loading" } | { status: "error" } | { status: "ready"; invitations: TeamInvitation[] };

/** Invitations live with the auth provider, not in Convex: read through a server action, reloaded after each change. */
function useInvitations(orgId: string, version: string) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    listTeamInvitations({ orgId }).then(
      (answer) => {
        if (!cancelled) setLoaded(answer.ok ? { status: "ready", invitations: answer.invitations } : { status: "error" });
      },
      () => {
        if (!cancelled) setLoaded({ status: "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [orgId, version]);
  return loaded;
}

type RowProps = { orgId: string; invitation: TeamInvitation; onChanged: (notice: string) => void };

function InvitationRow({ orgId, invitation, onChanged }: RowProps) {
  const t = useTranslations("team.invitations");
  const format = useFormatter();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error } = useTeamAction();
  const { email } = invitation;

  async function resend() {
    if (await run(() => resendTeamInvitation({ orgId, invitationId: invitation.id }))) onChanged(t("resent", { email }));
  }
  async function revoke() {
    if (await run(() => revokeTeamInvitation({ orgId, invitationId: invitation.id }))) {
      setConfirming(false);
      onChanged(t("revoked", { email }));
    }
  }

  return (
    <tr className={st.row}>
      <th scope="row" className={`px-5 py-3 text-left text-sm font-medium break-all text-slate-900 ${st.rowHeader}`}>
        {email}
      </th>
      <td data-label={t("role")} className={`px-5 py-3 text-sm ${st.cell}`}>
        <RoleBadge role={invitation.role} />
      </td>
      <td data-label={t("invitedAt")} className={`px-5 py-3 text-sm text-slate-600 ${st.cell}`}>
        <time dateTime={new Date(invitation.createdAt).toISOString()}>
          {format.dateTime(invitation.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </td>
      <td data-label={t("actions")} className={`px-5 py-3 text-sm ${st.cell}`}>
        <div className="flex flex-wrap justify-end gap-2 sm:justify-start">
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => void resend()} aria-label={t("resendLabel", { email })}>
            {t("resend")}
          </Button>
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(true)} aria-label={t("revokeLabel", { email })}>
            {t("revoke")}
          </Button>
        </div>
        {error && !confirming ? <InlineError>{error}</InlineError> : null}
        <Dialog
          open={confirming}
          title={t("revokeTitle", { email })}
          description={t("revokeBody")}
          dismissible={!pending}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                {t("revokeKeep")}
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => void revoke()}>
                {t("revokeConfirm")}
              </Button>
            </>
          }
        >
          {error ? <InlineError>{error}</InlineError> : null}
        </Dialog>
      </td>
    </tr>
  );
}

/** `version` changes whenever the list may have changed (an invitation sent, a member joined). */
type PendingInvitationsProps = { orgId: string; version: string; onChanged: () => void };

export function PendingInvitations({ orgId, version, onChanged }: PendingInvitationsProps) {
  const t = useTranslations("team.invitations");
  const tCommon = useTranslations("common");
  const loaded = useInvitations(orgId, version);
  const [notice, setNotice] = useState("");
  const changed = (message: string) => {
    setNotice(message);
    onChanged();
  };

  return (
    <Card>
      <CardHeader title={t("title")} />
      <p role="status" className="px-5 pt-3 text-sm text-emerald-800 empty:hidden">
        {notice}
      </p>
      {loaded.status === "loading" ? (
        <LoadingState label={tCommon("loading")} />
      ) : loaded.status === "error" ? (
        <ErrorState title={t("loadError")} />
      ) : loaded.invitations.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <div className={st.wrapper}>
          <table className={st.table}>
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className={st.thead}>
              <tr>
                <th scope="col" className={st.headerCell}>{t("email")}</th>
                <th scope="col" className={st.headerCell}>{t("role")}</th>
                <th scope="col" className={st.headerCell}>{t("invitedAt")}</th>
                <th scope="col" className={st.headerCell}>{t("actions")}</th>
              </tr>
            </thead>
            <tbody className={st.tbody}>
              {loaded.invitations.map((invitation) => (
                <InvitationRow key={invitation.id} orgId={orgId} invitation={invitation} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { localAuthApi } from "@/lib/auth/local/api";
import type { LocalInvitationView } from "@/lib/auth/local/model";
import { orgPath, SELECT_ORG_PATH } from "@/lib/auth/routes";
import { nameFromEmail } from "@/lib/auth/local/name";
import { useAuthErrorMessage, useLocalAuth } from "../context";
import { loadPage } from "./full-load";

type ItemProps = { invitation: LocalInvitationView; busy: boolean; onBusy: (busy: boolean) => void };

/** One invitation: who it is for, where to, a name to join with (suggested from the email), and Accept. */
function InvitationItem({ invitation, busy, onBusy }: ItemProps) {
  const t = useTranslations("localAuth.invitations");
  const tRoles = useTranslations("roles");
  const errorMessage = useAuthErrorMessage();
  const nameId = useId();
  const hintId = useId();
  const [name, setName] = useState(() => nameFromEmail(invitation.email));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    onBusy(true);
    setError(null);
    try {
      const viewer = await localAuthApi.acceptInvitation(invitation.id, name);
      loadPage(viewer.activeOrgId ? orgPath(viewer.activeOrgId) : SELECT_ORG_PATH);
    } catch (failure) {
      setError(errorMessage(failure));
      setPending(false);
      onBusy(false);
    }
  }

  return (
    <li className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3">
      <form onSubmit={(event) => void accept(event)} className="space-y-3" aria-busy={pending}>
        <div>
          <p className="font-medium break-all text-slate-900">{invitation.email}</p>
          <p className="text-sm text-slate-600">{t("invitedTo", { org: invitation.orgName, role: tRoles(invitation.role).toLowerCase() })}</p>
        </div>
        <Field id={nameId} label={t("name")} hint={t("nameHint")} hintId={hintId}>
          <input
            id={nameId}
            value={name}
            maxLength={80}
            autoComplete="name"
            onChange={(event) => setName(event.target.value)}
            disabled={busy}
            aria-describedby={hintId}
            className={inputClasses}
          />
        </Field>
        <Button type="submit" disabled={busy} aria-label={t("acceptLabel", { org: invitation.orgName, email: invitation.email })}>
          {pending ? <Spinner className="size-4" /> : null}
          {pending ? t("accepting") : t("accept")}
        </Button>
        {error ? <InlineError>{error}</InlineError> : null}
      </form>
    </li>
  );
}

/** Local development has no mailbox: pending invitations are offered on the sign-in screen. */
export function InvitationList() {
  const t = useTranslations("localAuth.invitations");
  const { invitations } = useLocalAuth();
  const [busy, setBusy] = useState(false);
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="local-invitations-title" className="space-y-2">
      <h2 id="local-invitations-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("description")}</p>
      <ul aria-label={t("listLabel")} className="space-y-2">
        {invitations.map((invitation) => (
          <InvitationItem key={invitation.id} invitation={invitation} busy={busy} onBusy={setBusy} />
        ))}
      </ul>
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { inviteTeammate } from "@/app/org/[orgId]/settings/members/actions";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ORG_ROLES, type OrgRole } from "@/lib/auth/claims";
import { INVITATION_EMAIL_MAX_LENGTH } from "@/lib/auth/team";
import { useTeamAction } from "./use-team-action";

type InviteFormProps = { orgId: string; canInviteOwners: boolean; onInvited: () => void };

/** Email and role; on success the form clears, says so, and the pending list reloads. */
export function InviteForm({ orgId, canInviteOwners, onInvited }: InviteFormProps) {
  const t = useTranslations("team.invite");
  const tRoles = useTranslations("roles");
  const ids = { email: useId(), role: useId(), hint: useId() };
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<OrgRole>("member");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { run, pending, error } = useTeamAction(t("conflict"));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const invited = email.trim();
    if (await run(() => inviteTeammate({ orgId, email: invited, role }))) {
      setSentTo(invited);
      setEmail("");
      setRole("member");
      onInvited();
    }
  }

  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <form onSubmit={(event) => void submit(event)} className="space-y-3" aria-busy={pending}>
          <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
            <Field id={ids.email} label={t("email")}>
              <input
                id={ids.email}
                type="email"
                required
                autoComplete="off"
                maxLength={INVITATION_EMAIL_MAX_LENGTH}
                placeholder={t("emailPlaceholder")}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                disabled={pending}
                className={inputClasses}
              />
            </Field>
            <Field id={ids.role} label={t("role")}>
              <select
                id={ids.role}
                value={role}
                onChange={(event) => setRole(event.target.value as OrgRole)}
                disabled={pending}
                aria-describedby={canInviteOwners ? undefined : ids.hint}
                className={inputClasses}
              >
                {[...ORG_ROLES].reverse().map((option) => (
                  <option key={option} value={option} disabled={option === "owner" && !canInviteOwners}>
                    {tRoles(option)}
                  </option>
                ))}
              </select>
            </Field>
            <Button type="submit" disabled={pending} className="sm:mb-px">
              {pending ? <Spinner className="size-4" /> : null}
              {pending ? t("submitting") : t("submit")}
            </Button>
          </div>
          {canInviteOwners ? null : (
            <p id={ids.hint} className="text-xs text-slate-600">
              {t("ownerOnlyHint")}
            </p>
          )}
          {error ? <InlineError>{error}</InlineError> : null}
          <p role="status" className="text-sm text-emerald-800 empty:hidden">
            {sentTo ? t("sent", { email: sentTo }) : ""}
          </p>
        </form>
      </CardBody>
    </Card>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { changeMemberRole, removeTeamMember } from "@/app/org/[orgId]/settings/members/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { InlineError, inputClasses } from "@/components/ui/field";
import { ORG_ROLES, type OrgRole } from "@/lib/auth/claims";
import { teamRefusal, type TeamRefusal } from "@/lib/auth/team";
import { useTeamAction } from "./use-team-action";

/** What the viewer is and how many owners there are: all the shared rules need. */
export type TeamRules = { viewerRole: OrgRole; ownerCount: number };
type Member = { externalId: string; name: string; role: OrgRole };

function refusalOf(rules: TeamRules, action: Parameters<typeof teamRefusal>[1]): TeamRefusal | null {
  return teamRefusal({ actorRole: rules.viewerRole, ownerCount: rules.ownerCount }, action);
}

/** The select is disabled when no other role may be given; then its reason shows under it. */
function selectRefusal(rules: TeamRules, member: Member): TeamRefusal | null {
  const others = ORG_ROLES.filter((role) => role !== member.role);
  const refusals = others.map((role) => refusalOf(rules, { kind: "setRole", targetRole: member.role, role }));
  return refusals.every((refusal) => refusal !== null) ? refusals[0]! : null;
}

type ControlProps = { orgId: string; rules: TeamRules; member: Member; onNotice: (notice: string) => void };

export function MemberRoleSelect({ orgId, rules, member, onNotice }: ControlProps) {
  const t = useTranslations("team");
  const tRoles = useTranslations("roles");
  const reasonId = useId();
  const { run, pending, error } = useTeamAction();
  const refusal = selectRefusal(rules, member);

  async function change(role: OrgRole) {
    if (await run(() => changeMemberRole({ orgId, userId: member.externalId, role }))) {
      onNotice(t("members.roleChanged", { name: member.name, role: tRoles(role).toLowerCase() }));
    }
  }

  return (
    <div className="max-sm:w-44 sm:max-w-52">
      <select
        aria-label={t("members.roleOf", { name: member.name })}
        aria-describedby={refusal ? reasonId : undefined}
        value={member.role}
        disabled={pending || refusal !== null}
        onChange={(event) => void change(event.target.value as OrgRole)}
        className={inputClasses}
      >
        {[...ORG_ROLES].reverse().map((role) => (
          <option
            key={role}
            value={role}
            disabled={role !== member.role && refusalOf(rules, { kind: "setRole", targetRole: member.role, role }) !== null}
          >
            {tRoles(role)}
          </option>
        ))}
      </select>
      {refusal ? (
        <p id={reasonId} className="mt-1 text-left text-xs text-slate-600">
          {t(`reasons.${refusal.reason}`)}
        </p>
      ) : null}
      {error ? <InlineError>{error}</InlineError> : null}
    </div>
  );
}

export function RemoveMemberButton({ orgId, rules, member, onNotice }: ControlProps) {
  const t = useTranslations("team.members");
  const tReasons = useTranslations("team.reasons");
  const reasonId = useId();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error } = useTeamAction();
  const refusal = refusalOf(rules, { kind: "remove", targetRole: member.role });
  const name = member.name;

  async function remove() {
    if (await run(() => removeTeamMember({ orgId, userId: member.externalId }))) {
      setConfirming(false);
      onNotice(t("removed", { name }));
    }
  }

  return (
    <div>
      <Button
        size="sm"
        variant="ghost"
        disabled={refusal !== null}
        aria-label={t("removeLabel", { name })}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={() => setConfirming(true)}
      >
        {t("remove")}
      </Button>
      {refusal && refusal.reason !== "not_admin" ? (
        <span id={reasonId} className="sr-only">
          {tReasons(refusal.reason)}
        </span>
      ) : null}
      <Dialog
        open={confirming}
        title={t("removeTitle", { name })}
        description={t("removeBody", { name })}
        dismissible={!pending}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              {t("removeKeep", { name })}
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => void remove()}>
              {pending ? t("working") : t("removeConfirm")}
            </Button>
          </>
        }
      >
        {error ? <InlineError>{error}</InlineError> : null}
      </Dialog>
    </div>
  );
}

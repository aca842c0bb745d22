"use client";

import { useTranslations } from "next-intl";
import { InviteForm } from "@/components/members/invite-form";
import { ButtonLink } from "@/components/ui/button";
import { orgPath } from "@/lib/auth/routes";
import type { Role } from "@/convex/schema";
import type { StepState } from "./types";

type TeamStepProps = { orgId: string; role: Role; state: StepState };

/** The members page's invite form; the step turns done when the invitation is recorded. */
export function TeamStep({ orgId, role, state }: TeamStepProps) {
  const t = useTranslations("onboarding.team");
  const canManage = role === "owner" || role === "admin";
  return (
    <div className="space-y-3">
      {state === "done" ? <p className="text-sm text-slate-800">{t("done")}</p> : null}
      {/* Nothing to reload here: the status query follows the invitation through Convex. */}
      {canManage ? <InviteForm orgId={orgId} canInviteOwners={role === "owner"} onInvited={() => undefined} /> : null}
      <ButtonLink href={orgPath(orgId, "/settings/members")} variant="ghost" size="sm">
        {t("members")}
      </ButtonLink>
    </div>
  );
}

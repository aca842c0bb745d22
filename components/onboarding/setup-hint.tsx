"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { ONBOARDING_SUBPATH, orgPath } from "@/lib/auth/routes";

type SetupNeed = "number" | "message";

/** What an empty page is waiting for: a connected number, then a first customer message; null when neither. */
function useSetupNeed(orgId: string): { need: SetupNeed | null; canManage: boolean } | undefined {
  const org = useQuery(api.organizations.current, { orgId });
  const status = useQuery(api.onboarding.status, { orgId });
  if (org === undefined || status === undefined) return undefined;
  const state = (step: string) => status.steps.find((s) => s.step === step)?.state;
  const need = state("connect") !== "done" ? "number" : state("test") !== "done" ? "message" : null;
  return { need, canManage: roleAtLeast(org.role, "admin") };
}

function NextActionLink({ orgId, need }: { orgId: string; need: SetupNeed }) {
  const t = useTranslations("setupHints");
  const anchor = need === "number" ? "#step-connect" : "#step-test";
  return <ButtonLink href={`${orgPath(orgId, ONBOARDING_SUBPATH)}${anchor}`}>{t(need === "number" ? "noNumberAction" : "noMessageAction")}</ButtonLink>;
}

/**
 * An empty list's state with the next action: connect a number, then send a test message. Falls
 * back to `fallback` once both happened (the list is empty for another reason).
 */
export function SetupEmptyState({ orgId, fallback }: { orgId: string; fallback: ReactNode }) {
  const t = useTranslations("setupHints");
  const setup = useSetupNeed(orgId);
  if (setup === undefined || setup.need === null) return fallback;
  if (setup.need === "number") {
    return (
      <EmptyState
        title={t("noNumberTitle")}
        body={setup.canManage ? t("noNumberBody") : t("noNumberMember")}
        action={setup.canManage ? <NextActionLink orgId={orgId} need="number" /> : undefined}
      />
    );
  }
  return <EmptyState title={t("noMessageTitle")} body={t("noMessageBody")} action={setup.canManage ? <NextActionLink orgId={orgId} need="message" /> : undefined} />;
}

/** The same next action as a banner, for pages that are never empty (the dashboard shows zeros). */
export function SetupBanner({ orgId }: { orgId: string }) {
  const t = useTranslations("setupHints");
  const setup = useSetupNeed(orgId);
  if (setup === undefined || setup.need === null) return null;
  const number = setup.need === "number";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3">
      <div className="min-w-0">
        <p className="text-sm font-semibold text-slate-900">{t(number ? "noNumberTitle" : "noMessageTitle")}</p>
        <p className="text-sm text-slate-700">{number && !setup.canManage ? t("noNumberMember") : t(number ? "noNumberBody" : "noMessageBody")}</p>
      </div>
      {setup.canManage ? <NextActionLink orgId={orgId} need={setup.need} /> : null}
    </div>
  );
}

"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { api } from "@/convex/_generated/api";
import { ONBOARDING_SUBPATH, orgPath } from "@/lib/auth/routes";

/** The overview's way back to the checklist, shown until it is finished or hidden. */
export function OnboardingCard({ orgId }: { orgId: string }) {
  const t = useTranslations("onboarding");
  const status = useQuery(api.onboarding.status, { orgId });
  if (status === undefined || status.finished) return null;
  const done = status.steps.filter((step) => step.state === "done").length;
  const next = status.steps.find((step) => step.state === "todo") ?? status.steps.find((step) => step.state !== "done");

  return (
    <Card className="border-brand-100">
      <CardHeader
        title={t("overviewCard.title")}
        description={t("overviewCard.body", { done, total: status.steps.length, next: next ? t(`${next.step}.title`) : "" })}
        actions={
          <ButtonLink href={orgPath(orgId, ONBOARDING_SUBPATH) + (next ? `#step-${next.step}` : "")} size="sm">
            {t("overviewCard.action")}
          </ButtonLink>
        }
      />
      <CardBody className="py-3">
        <div className="h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full rounded-full bg-emerald-600" style={{ width: `${(done / status.steps.length) * 100}%` }} />
        </div>
      </CardBody>
    </Card>
  );
}

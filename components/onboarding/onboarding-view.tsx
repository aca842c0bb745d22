"use client";

import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { LoadingState } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { orgPath } from "@/lib/auth/routes";
import type { OnboardingStep } from "@/lib/onboarding";
import { BotStep } from "./bot-step";
import { ConnectStep } from "./connect-step";
import { StepCard } from "./step-card";
import { TeamStep } from "./team-step";
import { TestStep } from "./test-step";

/** The first-run checklist, live: each step turns green as the real thing happens. */
export function OnboardingView({ orgId, simulatorUrl }: { orgId: string; simulatorUrl: string | null }) {
  const t = useTranslations("onboarding");
  const org = useQuery(api.organizations.current, { orgId });
  const status = useQuery(api.onboarding.status, { orgId });
  if (org === undefined || status === undefined) return <LoadingState label={t("loading")} />;
  const canManage = roleAtLeast(org.role, "admin");
  const done = status.steps.filter((step) => step.state === "done").length;
  const total = status.steps.length;
  const { agent } = status;

  const bodies: Record<OnboardingStep, ReactNode> = {
    connect: <ConnectStep orgId={orgId} agent={agent} canManage={canManage} timeZone={org.timezone} simulatorUrl={simulatorUrl} />,
    bot: <BotStep orgId={orgId} agent={agent} canManage={canManage} />,
    test: <TestStep orgId={orgId} agent={agent} test={status.test} simulatorUrl={simulatorUrl} />,
    team: <TeamStep orgId={orgId} role={org.role} state={status.steps.find((s) => s.step === "team")?.state ?? "todo"} />,
  };

  return (
    <div className="space-y-6">
      {canManage ? null : <p className="text-sm text-slate-600">{t("memberNote")}</p>}
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-800">{t("progress", { done, total })}</p>
        <div className="h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full rounded-full bg-emerald-600 transition-[width]" style={{ width: `${(done / total) * 100}%` }} />
        </div>
      </div>
      <ol className="space-y-6">
        {status.steps.map(({ step, state }, index) => (
          <li key={step}>
            <StepCard orgId={orgId} step={step} number={index + 1} state={state} canManage={canManage}>
              {bodies[step]}
            </StepCard>
          </li>
        ))}
      </ol>
      <ChecklistEnd orgId={orgId} allDone={done === total} finished={status.finished} hidden={status.hidden} canManage={canManage} />
    </div>
  );
}

type ChecklistEndProps = { orgId: string; allDone: boolean; finished: boolean; hidden: boolean; canManage: boolean };

/** "Hide the checklist" while it is open; once hidden or complete, the way on to the dashboard. */
function ChecklistEnd({ orgId, allDone, finished, hidden, canManage }: ChecklistEndProps) {
  const t = useTranslations("onboarding");
  const errorMessage = useErrorMessage();
  const finish = useMutation(api.onboarding.finish);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latched = useRef(false);

  // Every step done: the checklist is over for good, even if a number disconnects later.
  useEffect(() => {
    if (!allDone || hidden || !canManage || latched.current) return;
    latched.current = true;
    finish({ orgId }).catch(() => {
      latched.current = false;
    });
  }, [allDone, hidden, canManage, finish, orgId]);

  async function hide() {
    setPending(true);
    setError(null);
    try {
      await finish({ orgId });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white px-5 py-4">
      {allDone ? <p className="text-sm font-medium text-emerald-800">{t("allDone")}</p> : null}
      {finished && !allDone ? <p className="text-sm text-slate-700">{t("hidden")}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        {canManage && !finished ? (
          <Button variant="secondary" onClick={() => void hide()} disabled={pending} aria-describedby="finish-hint">
            {pending ? t("finishing") : t("finish")}
          </Button>
        ) : null}
        <ButtonLink href={orgPath(orgId, "/dashboard")} variant={finished ? "primary" : "ghost"}>
          {t("goToDashboard")}
        </ButtonLink>
      </div>
      {canManage && !finished ? (
        <p id="finish-hint" className="text-xs text-slate-600">
          {t("finishHint")}
        </p>
      ) : null}
      {error ? <InlineError>{error}</InlineError> : null}
    </div>
  );
}

"use client";

import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { InlineError } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { OnboardingStep } from "@/lib/onboarding";
import type { StepState } from "./types";

const TONE: Record<StepState, BadgeTone> = { done: "success", skipped: "neutral", todo: "brand" };

type StepCardProps = {
  orgId: string;
  step: OnboardingStep;
  number: number;
  state: StepState;
  canManage: boolean;
  children: ReactNode;
};

/** One checklist step: its number, title and state; "skip" while it is still to do. Turns green when done. */
export function StepCard({ orgId, step, number, state, canManage, children }: StepCardProps) {
  const t = useTranslations("onboarding");
  const errorMessage = useErrorMessage();
  const skip = useMutation(api.onboarding.skipStep);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `step-${step}-title`;

  async function skipStep() {
    setPending(true);
    setError(null);
    try {
      await skip({ orgId, step });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <section
      id={`step-${step}`}
      aria-labelledby={titleId}
      className={cx(
        "scroll-mt-20 rounded-lg border bg-white shadow-sm transition-colors",
        state === "done" ? "border-emerald-400 ring-1 ring-emerald-300" : "border-slate-200",
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
        <div className="flex min-w-0 items-start gap-3">
          <span
            aria-hidden="true"
            className={cx(
              "flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
              state === "done" ? "bg-emerald-600 text-white" : "bg-slate-100 text-slate-700",
            )}
          >
            {state === "done" ? "✓" : number}
          </span>
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              <span className="sr-only">{t("stepNumber", { number })}: </span>
              {t(`${step}.title`)}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t(`${step}.description`)}</p>
          </div>
        </div>
        <Badge tone={TONE[state]}>{t(`states.${state}`)}</Badge>
      </div>
      <div className="space-y-4 px-5 py-4">
        {children}
        {error ? <InlineError>{error}</InlineError> : null}
        {canManage && state === "todo" ? (
          <div className="flex justify-end border-t border-slate-100 pt-3">
            <Button variant="ghost" size="sm" onClick={() => void skipStep()} disabled={pending}>
              {pending ? t("skipping") : t("skip")}
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

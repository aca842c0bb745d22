"use client";

import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import { hoursProblem, sameHours, type HoursProblem, type OpeningInterval } from "@/lib/business-hours";
import { DayRow } from "./day-row";
import { copyMondayToWeekdays, draftFromHours, EDITOR_DAYS, hoursFromDraft, updateDay } from "./hours-draft";

type Feedback = { kind: "saved" | "cleared" } | { kind: "error"; message: string } | null;

/** The day a problem is on, for the message: the interval's own day, or the day named by the problem. */
function problemDay(problem: HoursProblem, hours: OpeningInterval[]) {
  return "day" in problem ? problem.day : hours[problem.index]?.day ?? 1;
}

/** Weekly hours for owners and admins: per weekday open or closed, up to three intervals, Monday copied to weekdays. */
export function HoursEditor({ orgId, current }: { orgId: string; current: OpeningInterval[] | null }) {
  const t = useTranslations("orgProfile.hours");
  const errorMessage = useErrorMessage();
  const save = useMutation(api.organizations.setBusinessHours);
  const [draft, setDraft] = useState(() => draftFromHours(current));
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const hours = useMemo(() => hoursFromDraft(draft), [draft]);
  const problem = useMemo(() => hoursProblem(hours), [hours]);
  const unchanged = sameHours(hours, current ?? undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problem !== null) return;
    setPending(true);
    setFeedback(null);
    try {
      const result = await save({ orgId, hours });
      setFeedback({ kind: result.hours === null ? "cleared" : "saved" });
    } catch (error) {
      setFeedback({ kind: "error", message: errorMessage(error) });
    } finally {
      setPending(false);
    }
  }

  const change = (next: typeof draft) => {
    setDraft(next);
    setFeedback(null);
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{hours.length > 0 ? t("hint") : current === null ? t("notSetYet") : t("noneOpen")}</p>
        <Button variant="secondary" size="sm" onClick={() => change(copyMondayToWeekdays(draft))}>
          {t("copyMonday")}
        </Button>
      </div>
      <div>
        {EDITOR_DAYS.map((day) => (
          <DayRow key={day} day={day} value={draft[day]} disabled={pending} onChange={(next) => change(updateDay(draft, day, () => next))} />
        ))}
      </div>
      {problem !== null ? (
        <InlineError>{t(`problems.${problem.kind}`, { day: t(`days.${problemDay(problem, hours)}`) })}</InlineError>
      ) : null}
      {feedback?.kind === "error" ? <InlineError>{feedback.message}</InlineError> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || problem !== null || unchanged}>
          {pending ? <Spinner className="size-4 text-white" /> : null}
          {pending ? t("saving") : t("save")}
        </Button>
        <p aria-live="polite" className="text-sm text-brand-800">
          {feedback?.kind === "saved" ? t("saved") : feedback?.kind === "cleared" ? t("cleared") : null}
        </p>
      </div>
    </form>
  );
}

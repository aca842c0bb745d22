"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { MAX_INTERVALS_PER_DAY, type Weekday } from "@/lib/business-hours";
import { nextIntervalAfter, type DayDraft, type IntervalDraft } from "./hours-draft";

const INTERVAL_ENDS = ["opens", "closes"] as const;

type TimeFieldProps = { label: string; ariaLabel: string; value: string; onChange: (value: string) => void; disabled: boolean };

/** One end of an interval: the short visible label ("Opens"), the full one for screen readers ("Opens on Monday, interval 1"). */
function TimeField({ label, ariaLabel, value, onChange, disabled }: TimeFieldProps) {
  return (
    <label className="text-xs text-slate-600">
      {label}
      <input
        type="time"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        aria-label={ariaLabel}
        className={`${inputClasses} w-32`}
      />
    </label>
  );
}

type DayRowProps = { day: Weekday; value: DayDraft; onChange: (next: DayDraft) => void; disabled: boolean };

/** One weekday of the hours editor: open or closed, and up to three intervals (a lunch break splits a day). */
export function DayRow({ day, value, onChange, disabled }: DayRowProps) {
  const t = useTranslations("orgProfile.hours");
  const id = useId();
  const dayName = t(`days.${day}`);
  const setInterval = (index: number, change: Partial<IntervalDraft>) =>
    onChange({ ...value, intervals: value.intervals.map((interval, i) => (i === index ? { ...interval, ...change } : interval)) });

  return (
    <fieldset className="flex flex-wrap items-start gap-x-4 border-b border-slate-100 py-3 last:border-b-0">
      <legend className="sr-only">{dayName}</legend>
      <label htmlFor={`${id}-open`} className="flex w-32 shrink-0 items-center gap-2 py-2 text-sm font-medium text-slate-800 sm:w-40">
        <input
          id={`${id}-open`}
          type="checkbox"
          checked={value.open}
          onChange={(event) => onChange({ ...value, open: event.target.checked })}
          disabled={disabled}
          aria-label={t("openOn", { day: dayName })}
          className="size-4 rounded border-slate-500 accent-brand-700"
        />
        <span>{dayName}</span>
      </label>
      {value.open ? (
        <div className="w-full min-w-0 space-y-2 sm:w-auto sm:flex-1">
          {value.intervals.map((interval, index) => (
            <div key={index} className="flex flex-wrap items-end gap-2">
              {INTERVAL_ENDS.map((end) => (
                <TimeField
                  key={end}
                  label={t(end)}
                  ariaLabel={t(`${end}On`, { day: dayName, n: index + 1 })}
                  value={interval[end]}
                  onChange={(time) => setInterval(index, { [end]: time })}
                  disabled={disabled}
                />
              ))}
              {value.intervals.length > 1 && !disabled ? (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => onChange({ ...value, intervals: value.intervals.filter((_, i) => i !== index) })}
                  aria-label={t("removeInterval", { day: dayName, n: index + 1 })}
                >
                  {t("remove")}
                </Button>
              ) : null}
            </div>
          ))}
          {!disabled && value.intervals.length < MAX_INTERVALS_PER_DAY ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => onChange({ ...value, intervals: [...value.intervals, nextIntervalAfter(value.intervals)] })}
              aria-label={t("addIntervalOn", { day: dayName })}
            >
              {t("addInterval")}
            </Button>
          ) : null}
        </div>
      ) : (
        <p className="py-2 text-sm text-slate-600">{t("closed")}</p>
      )}
    </fieldset>
  );
}

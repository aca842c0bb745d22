"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { inputClasses } from "@/components/ui/field";
import { SNOOZE_PRESETS, snoozeUntil, type SnoozePreset } from "@/lib/inbox/snooze";

const MAX_SNOOZE_MS = 90 * 24 * 60 * 60 * 1000;

type SnoozeDialogProps = {
  open: boolean;
  timeZone: string;
  pending: boolean;
  onClose: () => void;
  /** `until` absent: until the customer replies. */
  onSnooze: (until: number | undefined) => void;
};

/** Presets (1 hour, tomorrow 09:00, next Monday 09:00, until the customer replies) or a date-time in the org's zone. */
export function SnoozeDialog({ open, timeZone, pending, onClose, onSnooze }: SnoozeDialogProps) {
  const t = useTranslations("inbox.snooze");
  const [preset, setPreset] = useState<SnoozePreset>("tomorrow");
  const [custom, setCustom] = useState("");
  const [invalid, setInvalid] = useState(false);
  const name = useId();
  const customId = useId();

  function submit() {
    const now = Date.now();
    const until = snoozeUntil(preset, timeZone, now, custom);
    if (until !== undefined && (Number.isNaN(until) || until <= now || until > now + MAX_SNOOZE_MS)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSnooze(until);
  }

  return (
    <Dialog
      open={open}
      title={t("title")}
      description={t("description")}
      onClose={onClose}
      dismissible={!pending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={submit} disabled={pending}>
            {t("submit")}
          </Button>
        </>
      }
    >
      <fieldset className="space-y-1">
        <legend className="sr-only">{t("title")}</legend>
        {SNOOZE_PRESETS.map((option) => (
          <label key={option} className="flex min-h-10 cursor-pointer items-center gap-3 text-sm text-slate-800">
            <input
              type="radio"
              name={name}
              value={option}
              checked={preset === option}
              onChange={() => setPreset(option)}
              className="size-4 accent-brand-700"
            />
            {t(option)}
          </label>
        ))}
      </fieldset>
      {preset === "custom" ? (
        <div>
          <label htmlFor={customId} className="text-sm font-medium text-slate-800">
            {t("customLabel", { timezone: timeZone })}
          </label>
          <input
            id={customId}
            type="datetime-local"
            value={custom}
            onChange={(event) => setCustom(event.target.value)}
            aria-invalid={invalid}
            className={inputClasses}
          />
        </div>
      ) : null}
      {invalid ? (
        <p role="alert" className="text-sm text-rose-700">
          {t("invalid")}
        </p>
      ) : null}
    </Dialog>
  );
}

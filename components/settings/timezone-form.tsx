"use client";

import { useMutation } from "convex/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError, inputClasses } from "@/components/ui/field";
import { api } from "@/convex/_generated/api";
import { toAppErrorData } from "@/lib/errors";
import { filterTimeZones, listTimeZones, toTimeZoneOptions } from "./time-zones";

type Feedback = { kind: "saved"; timezone: string } | { kind: "error"; message: string } | null;


/** Searchable list of IANA zones; saving goes through `organizations.setTimezone` (admins only). */
export function TimezoneForm({ orgId, current }: { orgId: string; current: string }) {
  const t = useTranslations();
  const setTimezone = useMutation(api.organizations.setTimezone);
  const ids = { search: useId(), list: useId(), count: useId() };
  const [now] = useState(() => new Date());
  const locale = useLocale();
  const options = useMemo(() => toTimeZoneOptions(listTimeZones([current]), now, locale), [current, now, locale]);
  const [query, setQuery] = useState("");
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const filtered = useMemo(() => filterTimeZones(options, query), [options, query]);
  const selected = draft ?? current;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setFeedback(null);
    try {
      const result = await setTimezone({ orgId, timezone: selected });
      setDraft(null);
      setFeedback({ kind: "saved", timezone: result.timezone });
    } catch (error) {
      const { code } = toAppErrorData(error);
      const message =
        code === "INVALID_ARGUMENT"
          ? t("settings.timezone.invalid", { timezone: selected })
          : code === "FORBIDDEN"
            ? t("settings.timezone.forbidden")
            : t(`errors.codes.${code}`);
      setFeedback({ kind: "error", message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} className="space-y-4">
      <div>
        <label htmlFor={ids.search} className="text-sm font-medium text-slate-800">
          {t("settings.timezone.searchLabel")}
        </label>
        <input
          id={ids.search}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("settings.timezone.searchPlaceholder")}
          aria-controls={ids.list}
          aria-describedby={ids.count}
          autoComplete="off"
          className={inputClasses}
        />
        <p id={ids.count} aria-live="polite" className="mt-1 text-xs text-slate-600">
          {t("settings.timezone.matches", { count: filtered.length })}
        </p>
      </div>
      <div>
        <label htmlFor={ids.list} className="text-sm font-medium text-slate-800">
          {t("settings.timezone.listLabel")}
        </label>
        <select
          id={ids.list}
          size={8}
          value={selected}
          onChange={(event) => {
            setDraft(event.target.value);
            setFeedback(null);
          }}
          className={inputClasses}
        >
          {filtered.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving || selected === current}>
          {saving ? t("settings.timezone.saving") : t("settings.timezone.save")}
        </Button>
        <span className="text-sm text-slate-600">
          {selected === current
            ? t("settings.timezone.unchanged")
            : t("settings.timezone.selected", { timezone: selected })}
        </span>
      </div>
      <div aria-live="polite">
        {feedback?.kind === "saved" ? (
          <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
            {t("settings.timezone.saved", { timezone: feedback.timezone })}
          </p>
        ) : null}
      </div>
      {feedback?.kind === "error" ? <InlineError>{feedback.message}</InlineError> : null}
    </form>
  );
}

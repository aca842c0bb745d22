"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { setLocale } from "@/app/_lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";

/** Remembers the language in a cookie; the server re-renders the page in the new language. */
export function LanguageSwitcher() {
  const t = useTranslations("language");
  const locale = useLocale();
  const id = useId();
  const [isPending, startTransition] = useTransition();

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <svg className="size-4 text-slate-500" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9Z"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      </svg>
      <select
        id={id}
        value={locale}
        disabled={isPending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(() => setLocale(next));
        }}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 disabled:opacity-60"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`names.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

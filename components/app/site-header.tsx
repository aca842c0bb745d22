import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The top bar of every page: brand, an optional context slot (org switcher) and controls on the right. */
export function SiteHeader({ context, controls }: { context?: ReactNode; controls?: ReactNode }) {
  const t = useTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center gap-4 px-4">
        <Link
          href="/"
          aria-label={t("homeLink")}
          className="flex items-center gap-2 rounded-md font-semibold text-slate-900"
        >
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm text-white"
          >
            S
          </span>
          <span>{t("appName")}</span>
        </Link>
        {context ? <div className="min-w-0">{context}</div> : null}
        <div className="ml-auto flex items-center gap-3">{controls}</div>
      </div>
    </header>
  );
}

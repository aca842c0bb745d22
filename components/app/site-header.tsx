import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { HeaderMenu } from "./header-menu";

/** The brand mark drawn, not written: the link's name is the visible "SpinDesk" alone. */
function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 28 28" className="size-7 shrink-0">
      <rect width="28" height="28" rx="6" className="fill-brand-700" />
      <path
        d="M18.5 9.5c-.8-1.3-2.4-2-4.4-2-2.6 0-4.4 1.4-4.4 3.4 0 4.6 9 2.6 9 6.9 0 2-1.9 3.7-4.7 3.7-2.1 0-3.8-.8-4.7-2.3"
        fill="none"
        stroke="white"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * The top bar of every page: brand, an optional context slot (org switcher) and controls on the right.
 * `notice` (the inbox badge) stays in sight on a phone too, beside the menu button.
 */
export function SiteHeader({ context, controls, notice }: { context?: ReactNode; controls?: ReactNode; notice?: ReactNode }) {
  const t = useTranslations("common");
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center gap-4 px-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold text-slate-900">
          <BrandMark />
          <span>{t("appName")}</span>
        </Link>
        {notice ? <div className="ml-auto sm:order-last sm:ml-0">{notice}</div> : null}
        {context || controls ? <HeaderMenu context={context} controls={controls} /> : null}
      </div>
    </header>
  );
}

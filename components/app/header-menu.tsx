"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/**
 * The header's organization switcher, language and account: in a row from 640 px, behind a menu
 * button below that. The same nodes render in both layouts (no duplicate ids or subscriptions).
 */
export function HeaderMenu({ context, controls }: { context?: ReactNode; controls?: ReactNode }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  // Following a link inside the menu closes it.
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="ml-auto inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 sm:hidden"
      >
        <span className="sr-only">{t("menu")}</span>
        <svg className="size-6" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d={open ? "M6 6l12 12M18 6 6 18" : "M4 7h16M4 12h16M4 17h16"}
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <div
        id={panelId}
        className={cx(
          "min-w-0 flex-1 sm:flex sm:items-center sm:gap-4",
          open
            ? "absolute inset-x-0 top-full z-40 flex flex-col items-stretch gap-3 border-b border-slate-200 bg-white px-4 py-3 shadow-md"
            : "hidden",
          "sm:static sm:z-auto sm:flex-row sm:border-0 sm:p-0 sm:shadow-none",
        )}
      >
        {context ? <div className="min-w-0">{context}</div> : null}
        <div className="flex flex-wrap items-center gap-3 sm:ml-auto sm:flex-nowrap">{controls}</div>
      </div>
    </>
  );
}

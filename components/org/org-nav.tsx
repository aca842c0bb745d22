"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { cx } from "@/components/ui/cx";
import { orgPath } from "@/lib/auth/routes";

// `nested`: the tab stays current on its detail pages (e.g. /agents/<id>).
const ITEMS = [
  { key: "overview", subpath: "", nested: false },
  { key: "dashboard", subpath: "/dashboard", nested: false },
  { key: "conversations", subpath: "/conversations", nested: true },
  { key: "agents", subpath: "/agents", nested: true },
  { key: "settings", subpath: "/settings", nested: false },
  { key: "members", subpath: "/settings/members", nested: false },
  { key: "audit", subpath: "/settings/audit", nested: false },
] as const;

/** The org's sections as a tab bar that scrolls sideways on a phone, the current tab kept in view. */
export function OrgNav({ orgId }: { orgId: string }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);

  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 bg-white">
      <ul ref={list} className="mx-auto flex w-full max-w-5xl gap-1 overflow-x-auto overscroll-x-contain px-4 [scrollbar-width:thin]">
        {ITEMS.map(({ key, subpath, nested }) => {
          const href = orgPath(orgId, subpath);
          const current = pathname === href || (nested && pathname.startsWith(`${href}/`));
          return (
            <li key={key} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "-mb-px inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap",
                  current
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-slate-600 hover:border-slate-400 hover:text-slate-900",
                )}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
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

export function OrgNav({ orgId }: { orgId: string }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex w-full max-w-5xl gap-1 overflow-x-auto px-4">
        {ITEMS.map(({ key, subpath, nested }) => {
          const href = orgPath(orgId, subpath);
          const current = pathname === href || (nested && pathname.startsWith(`${href}/`));
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "-mb-px inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap",
                  current
                    ? "border-brand-600 text-brand-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
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

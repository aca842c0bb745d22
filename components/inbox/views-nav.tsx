"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { api } from "@/convex/_generated/api";
import { INBOX_VIEWS, type InboxView } from "@/lib/inbox/views";

type ViewsNavProps = { orgId: string; active: InboxView; onSelect: (view: InboxView) => void };

/**
 * The inbox views with live counts of their open conversations: a column beside the list from
 * 768 px, a row of tabs that scrolls sideways on a phone. Mine's count adds my unseen mentions.
 */
export function ViewsNav({ orgId, active, onSelect }: ViewsNavProps) {
  const t = useTranslations("inbox.views");
  const counts = useQuery(api.inbox.counts, { orgId });
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 md:border-b-0">
      <ul className="relative flex gap-1 overflow-x-auto px-3 py-2 md:flex-col md:overflow-visible md:px-2 md:py-3">
        {INBOX_VIEWS.map((view) => {
          const count = counts === undefined ? null : view === "mine" ? counts.mine + counts.mentions : counts[view];
          const current = view === active;
          return (
            <li key={view} className="shrink-0">
              <button
                type="button"
                aria-current={current ? "page" : undefined}
                onClick={() => onSelect(view)}
                className={cx(
                  // `relative`: the sr-only count stays inside the scrolling row instead of widening the page.
                  "relative flex min-h-10 w-full items-center justify-between gap-3 rounded-md px-3 text-left text-sm whitespace-nowrap",
                  current ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                <span>{t(view)}</span>
                {count === null ? null : (
                  <span className={cx("rounded-full px-1.5 text-xs tabular-nums", current ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700")}>
                    <span aria-hidden="true">{count > 999 ? "999+" : count}</span>
                    <span className="sr-only">{t("count", { count })}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

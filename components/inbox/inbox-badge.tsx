"use client";

import { useQuery } from "convex/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { api } from "@/convex/_generated/api";
import { orgPath } from "@/lib/auth/routes";
import { CustomerMessageNotifier } from "./customer-message-notifier";

/**
 * The header's live count of what needs me: my open conversations with unread customer messages and
 * my unseen mentions. It opens Mine. While mounted it also runs my (opt-in) browser notifications.
 */
export function InboxBadge({ orgId }: { orgId: string }) {
  const t = useTranslations("inbox.badge");
  const badge = useQuery(api.inbox.badge, { orgId });
  const count = badge?.count ?? 0;
  const shown = badge?.capped || count > 99 ? "99+" : String(count);
  return (
    <>
      <Link
        href={`${orgPath(orgId, "/conversations")}?view=mine`}
        aria-label={t("label", { count })}
        title={t("label", { count })}
        className="relative inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <svg className="size-6" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d="M4 13.5 6 5.8A2.4 2.4 0 0 1 8.3 4h7.4A2.4 2.4 0 0 1 18 5.8l2 7.7V18a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-4.5Zm0 0h4.5l1 2h5l1-2H20"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        </svg>
        {count > 0 ? (
          <span
            aria-hidden="true"
            className={cx(
              "absolute -right-0.5 -top-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-rose-600 px-1 text-[0.6875rem] font-semibold text-white",
            )}
          >
            {shown}
          </span>
        ) : null}
      </Link>
      <CustomerMessageNotifier orgId={orgId} />
    </>
  );
}

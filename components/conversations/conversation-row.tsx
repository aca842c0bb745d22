import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { formatPhone } from "@/components/agents/types";
import { LabelChips } from "@/components/inbox-tools/label-chip";
import { orgPath } from "@/lib/auth/routes";
import { RowOwner } from "@/components/inbox/row-owner";
import { SessionStatusBadge, StageBadge, UnreadBadge } from "./badges";
import { contactLabel } from "./contact";
import { MessagePreview } from "./message-text";
import { RelativeTime } from "./relative-time";
import type { SessionItem } from "./types";

type ConversationRowProps = { orgId: string; session: SessionItem; timeZone: string };

/** One conversation in the inbox; the whole row opens the thread. */
export function ConversationRow({ orgId, session, timeZone }: ConversationRowProps) {
  const t = useTranslations("conversations");
  const unread = session.unreadCount > 0;
  const label = contactLabel(session);
  return (
    <li>
      <Link
        href={orgPath(orgId, `/conversations/${session._id}`)}
        className="flex gap-4 px-5 py-3 hover:bg-slate-50 focus-visible:bg-slate-50"
      >
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className={cx("truncate text-slate-900", unread ? "font-semibold" : "font-medium")}>{label}</span>
            {session.contactName ? (
              <span className="text-xs text-slate-500">{formatPhone(session.contactNumber)}</span>
            ) : null}
            <span className="text-xs text-slate-500">· {t("via", { agent: session.agentName })}</span>
          </div>
          <p className={cx("truncate text-sm", unread ? "text-slate-900" : "text-slate-600")}>
            {session.lastMessagePreview === null ? (
              <span className="italic text-slate-500">{t("noMessages")}</span>
            ) : (
              <>
                {session.lastMessageDirection ? (
                  <span className="mr-1 text-slate-500">{t(`direction.${session.lastMessageDirection}`)}</span>
                ) : null}
                {session.lastMessageDeleted ? (
                  <span className="italic">{t("deletedPreview")}</span>
                ) : (
                  <MessagePreview text={session.lastMessagePreview} kind={session.lastMessageKind} />
                )}
              </>
            )}
          </p>
          <div className="flex flex-wrap items-center gap-1.5">
            <StageBadge stage={session.stage} />
            <SessionStatusBadge status={session.status} />
            {session.needsAttention ? <Badge tone="danger">{t("needsAttention")}</Badge> : null}
            {session.waitingSince !== null ? <Badge tone="danger">{t("waiting")}</Badge> : null}
            {session.botPaused && session.waitingSince === null ? <Badge tone="warning">{t("botPaused")}</Badge> : null}
            {session.contactOptedOut ? <Badge tone="neutral">{t("optedOut")}</Badge> : null}
            {session.handoffSuggested ? <Badge tone="info">{t("handoff")}</Badge> : null}
            <LabelChips labels={session.labels} />
          </div>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1.5">
          <RelativeTime at={session.lastMessageAt} timeZone={timeZone} className="text-xs text-slate-500" />
          <UnreadBadge count={session.unreadCount} />
          <RowOwner assignee={session.assignee} />
        </div>
      </Link>
    </li>
  );
}

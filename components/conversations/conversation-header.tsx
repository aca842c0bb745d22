"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatPhone } from "@/components/agents/types";
import { ConversationTriage } from "@/components/inbox/conversation-triage";
import { orgPath } from "@/lib/auth/routes";
import { Badge } from "@/components/ui/badge";
import { ConversationLabels } from "@/components/inbox-tools/label-picker";
import { SessionStatusBadge, StageBadge } from "./badges";
import { contactLabel } from "./contact";
import type { SessionItem } from "./types";

type ConversationHeaderProps = { orgId: string; session: SessionItem };

export function ConversationHeader({ orgId, session }: ConversationHeaderProps) {
  const t = useTranslations("conversations");

  return (
    <header className="space-y-2 sm:space-y-3">
      <Link
        href={orgPath(orgId, "/conversations")}
        className="inline-flex min-h-10 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← {t("thread.back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2 sm:gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="truncate text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{contactLabel(session)}</h1>
          <p className="text-sm text-slate-600">
            {formatPhone(session.contactNumber)} · {t("via", { agent: session.agentName })}
          </p>
          <div className="flex flex-wrap items-center gap-1.5">
            <StageBadge stage={session.stage} />
            <SessionStatusBadge status={session.status} />
            {session.handoffSuggested ? <Badge tone="info">{t("handoff")}</Badge> : null}
          </div>
          <ConversationLabels orgId={orgId} sessionId={session._id} applied={session.labels} />
        </div>
      </div>
      <ConversationTriage orgId={orgId} session={session} />
    </header>
  );
}

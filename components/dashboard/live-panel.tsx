import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StageBadge } from "@/components/conversations/badges";
import { contactLabel } from "@/components/conversations/contact";
import { RelativeTime } from "@/components/conversations/relative-time";
import { orgPath } from "@/lib/auth/routes";
import { SPIN_ORDER } from "@/lib/spin/types";
import type { Live } from "./types";

function SessionLinks({ orgId, sessions, empty, timeZone }: { orgId: string; sessions: Live["stuck"]; empty: string; timeZone: string }) {
  if (sessions.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {sessions.map((session) => (
        <li key={session._id}>
          <Link href={orgPath(orgId, `/conversations/${session._id}`)} className="flex items-center justify-between gap-3 py-2 text-sm hover:bg-slate-50">
            <span className="min-w-0 truncate font-medium text-slate-900">{contactLabel(session)}</span>
            <span className="flex shrink-0 items-center gap-2">
              <StageBadge stage={session.stage} />
              <RelativeTime at={session.lastMessageAt} timeZone={timeZone} className="text-xs text-slate-500" />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** What needs eyes now: active conversations by stage, those waiting for a person, those gone quiet. */
export function LivePanel({ orgId, live, timeZone }: { orgId: string; live: Live; timeZone: string }) {
  const t = useTranslations("dashboard.live");
  const ts = useTranslations("conversations.stage");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card>
        <CardHeader title={t("activeTitle")} description={t("activeDescription")} />
        <CardBody>
          <dl className="grid grid-cols-2 gap-3">
            {SPIN_ORDER.map((stage) => (
              <div key={stage}>
                <dt className="text-xs text-slate-500">{ts(stage)}</dt>
                <dd className="text-xl font-semibold tabular-nums text-slate-900">{live.activeByStage[stage]}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("attentionTitle")} description={t("attentionDescription")} />
        <CardBody>
          <SessionLinks orgId={orgId} sessions={live.needsAttention} empty={t("attentionEmpty")} timeZone={timeZone} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("stuckTitle")} description={t("stuckDescription")} />
        <CardBody>
          <SessionLinks orgId={orgId} sessions={live.stuck} empty={t("stuckEmpty")} timeZone={timeZone} />
        </CardBody>
      </Card>
    </div>
  );
}

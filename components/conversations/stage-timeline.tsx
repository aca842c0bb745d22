"use client";

import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { StageBadge } from "./badges";

type StageTimelineProps = { orgId: string; sessionId: Id<"sessions">; timeZone: string };

/** The conversation's SPIN path, live: each stage change, how sure the bot was, and the words that moved it. */
export function StageTimeline({ orgId, sessionId, timeZone }: StageTimelineProps) {
  const t = useTranslations("conversations.timeline");
  const format = useFormatter();
  const events = useQuery(api.sessions.stageTimeline, { orgId, sessionId });

  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {events === undefined ? (
          <LoadingState label={t("loading")} />
        ) : events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ol aria-label={t("title")} className="space-y-4 border-l border-slate-200 pl-4">
            {events.map((event) => (
              <li key={event._id} className="space-y-1">
                <p className="flex flex-wrap items-center gap-1.5 text-sm">
                  {event.from ? <StageBadge stage={event.from} /> : null}
                  <span aria-hidden="true" className="text-slate-400">
                    →
                  </span>
                  <span className="sr-only">{t("to")}</span>
                  <StageBadge stage={event.to} />
                </p>
                <p className="text-xs text-slate-500">
                  {format.dateTime(event.at, { timeStyle: "short", timeZone })} ·{" "}
                  {t("confidence", { value: Math.round(event.confidence * 100) })}
                </p>
                {event.messageText ? (
                  <blockquote className="border-l-2 border-slate-300 pl-2 text-sm text-slate-700">“{event.messageText}”</blockquote>
                ) : null}
                {event.cues.length > 0 ? (
                  <p className="text-xs text-slate-500">{t("cues", { cues: event.cues.slice(0, 4).join(", ") })}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

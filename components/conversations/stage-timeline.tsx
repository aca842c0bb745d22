"use client";

import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { StageBadge } from "./badges";

type StageTimelineProps = { orgId: string; sessionId: Id<"sessions">; timeZone: string };

/** The conversation's SPIN path, live: each stage passed and the customer's words that showed it; the cues behind "details". */
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
                <p className="text-xs text-slate-600">{format.dateTime(event.at, { timeStyle: "short", timeZone })}</p>
                {event.quote ?? event.messageText ? (
                  <p className="text-sm text-slate-800">{t("said", { words: event.quote ?? event.messageText ?? "" })}</p>
                ) : null}
                {event.cues.length > 0 || event.confidence !== null ? (
                  <details className="text-xs text-slate-600">
                    <summary className="cursor-pointer rounded underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2">
                      {t("details")}
                    </summary>
                    {event.confidence !== null ? <p>{t("confidence", { value: Math.round(event.confidence * 100) })}</p> : null}
                    {event.cues.length > 0 ? <p>{t("cues", { cues: event.cues.slice(0, 6).join(", ") })}</p> : null}
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

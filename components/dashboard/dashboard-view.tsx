"use client";

import { useQuery } from "convex/react";
import { useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { useStableQuery } from "@/components/data/use-stable-query";
import { DashboardOpening } from "@/components/org-profile/dashboard-opening";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { localDayOf, METRICS_WINDOWS, type MetricsWindow } from "@/lib/time/windows";
import { SetupBanner } from "@/components/onboarding/setup-hint";
import { AgentsTable } from "./agents-table";
import { DisconnectedNumbers } from "./disconnected-numbers";
import { LivePanel } from "./live-panel";
import { MetricCards } from "./metric-cards";
import { StageFunnel } from "./stage-funnel";
import { TrendChart } from "./trend-chart";

function WindowPicker({ value, onChange }: { value: MetricsWindow; onChange: (window: MetricsWindow) => void }) {
  const t = useTranslations("dashboard.windows");
  return (
    <div role="group" aria-label={t("label")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
      {METRICS_WINDOWS.map((window) => (
        <button
          key={window}
          type="button"
          aria-pressed={value === window}
          onClick={() => onChange(window)}
          className={cx("rounded px-3 py-1.5 text-sm font-medium", value === window ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100")}
        >
          {t(window)}
        </button>
      ))}
    </div>
  );
}

/** The live SPIN dashboard: every number comes from Convex subscriptions and moves as messages arrive. */
export function DashboardView({ orgId }: { orgId: string }) {
  const t = useTranslations("dashboard");
  const [window, setWindow] = useState<MetricsWindow>("today");
  // The org's local day on this clock: at midnight the arguments change and "today" moves on.
  const now = useNow({ updateInterval: 60_000 });
  const [zone, setZone] = useState<string | null>(null);
  const day = zone === null ? undefined : localDayOf(zone, now.getTime());
  const overview = useStableQuery(api.metrics.overview, { orgId, window, day });
  const trend = useStableQuery(api.metrics.trend, { orgId, day });
  const loadedZone = overview?.timeZone ?? null;
  if (loadedZone !== null && loadedZone !== zone) setZone(loadedZone);
  const live = useQuery(api.metrics.live, { orgId });
  if (overview === undefined || trend === undefined || live === undefined) return <LoadingState label={t("loading")} />;
  const quiet = overview.totals.messagesIn === 0 && overview.totals.messagesOut === 0;

  return (
    <div className="space-y-6">
      <SetupBanner orgId={orgId} />
      <DisconnectedNumbers orgId={orgId} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <WindowPicker value={window} onChange={setWindow} />
        <div className="flex flex-wrap items-center gap-3">
          <DashboardOpening orgId={orgId} />
          <p className="text-sm text-slate-600">{t("timesIn", { timezone: overview.timeZone, first: overview.firstDay, last: overview.lastDay })}</p>
        </div>
      </div>
      {overview.recalculating ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {t("recalculating", { timezone: overview.recalculating.timeZone, processed: overview.recalculating.processed })}
        </p>
      ) : null}
      {quiet ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t(`quiet.${window}`)}</p> : null}
      <MetricCards summary={overview.totals} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("funnel.title")} description={t("funnel.description")} />
          <CardBody>
            <StageFunnel summary={overview.totals} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("trend.title")} description={t("trend.description")} />
          <CardBody>
            <TrendChart days={trend.days} />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title={t("agents.title")} />
        <AgentsTable agents={overview.agents} />
      </Card>
      <LivePanel orgId={orgId} live={live} timeZone={overview.timeZone} />
    </div>
  );
}

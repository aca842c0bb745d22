import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Summary } from "./types";

type MetricProps = { label: string; value: string; hint?: ReactNode; testId?: string };

/** One headline number; a `dl` group holds only `dt` and `dd`, so the hint is a second `dd`. */
function Metric({ label, value, hint, testId }: MetricProps) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/** Message keys of the first-response histogram's buckets (lib/metrics FIRST_RESPONSE_BUCKET_EDGES_MS). */
const RESPONSE_BUCKETS = ["0", "1", "2", "3", "4", "5"] as const;

/** Minutes or seconds, whichever reads better. */
function useDuration() {
  const t = useTranslations("dashboard");
  return (ms: number) =>
    ms < 60_000 ? t("seconds", { value: Math.round(ms / 1000) }) : t("minutes", { value: Math.round(ms / 60_000) });
}

/** The median's bucket is the statistic; the mean stays in the details, labelled as such. */
function FirstResponseHint({ firstResponse }: { firstResponse: Summary["firstResponse"] }) {
  const t = useTranslations("dashboard.metrics");
  const duration = useDuration();
  if (firstResponse.count === 0) return t("firstResponseNone");
  return (
    <>
      {t("firstResponseOf", { count: firstResponse.count })}
      {firstResponse.meanMs === null ? null : (
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-700">{t("details")}</summary>
          {t("firstResponseMean", { mean: duration(firstResponse.meanMs) })}
        </details>
      )}
    </>
  );
}

/** The window's headline numbers. */
export function MetricCards({ summary }: { summary: Summary }) {
  const t = useTranslations("dashboard.metrics");
  const format = useFormatter();
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  const { firstResponse } = summary;
  return (
    <dl className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-4">
      <Metric label={t("messagesIn")} value={format.number(summary.messagesIn)} testId="metric-messages-in" />
      <Metric label={t("newSessions")} value={format.number(summary.newSessions)} />
      <Metric label={t("conversion")} value={percent(summary.conversionToNeedPayoff)} hint={t("conversionHint")} />
      <Metric
        label={t("firstResponse")}
        value={firstResponse.medianBucket === null ? "—" : t(`responseBuckets.${RESPONSE_BUCKETS[firstResponse.medianBucket]}`)}
        hint={<FirstResponseHint firstResponse={firstResponse} />}
      />
      <Metric
        label={t("messagesOut")}
        value={format.number(summary.messagesOut)}
        hint={summary.messagesOut > 0 && summary.botShare !== null ? t("botShare", { share: percent(summary.botShare) }) : undefined}
      />
      <Metric
        label={t("talkRatio")}
        value={summary.botToCustomerRatio === null ? "—" : format.number(summary.botToCustomerRatio, { maximumFractionDigits: 2 })}
        hint={t("talkRatioHint")}
      />
      <Metric label={t("handovers")} value={format.number(summary.handovers)} hint={t("handoversHint")} />
      <Metric label={t("questions")} value={format.number(Object.values(summary.questions).reduce((a, b) => a + b, 0))} hint={t("questionsHint")} />
    </dl>
  );
}

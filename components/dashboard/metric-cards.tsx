import { useFormatter, useTranslations } from "next-intl";
import type { Summary } from "./types";

function Metric({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** Message keys of the first-response histogram's buckets (lib/metrics FIRST_RESPONSE_BUCKET_EDGES_MS). */
const RESPONSE_BUCKETS = ["0", "1", "2", "3", "4", "5"] as const;

/** Minutes or seconds, whichever reads better; an em dash when nothing was answered yet. */
function useDuration() {
  const t = useTranslations("dashboard");
  return (ms: number | null) => {
    if (ms === null) return "—";
    return ms < 60_000 ? t("seconds", { value: Math.round(ms / 1000) }) : t("minutes", { value: Math.round(ms / 60_000) });
  };
}

/** The window's headline numbers. */
export function MetricCards({ summary }: { summary: Summary }) {
  const t = useTranslations("dashboard.metrics");
  const format = useFormatter();
  const duration = useDuration();
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Metric label={t("messagesIn")} value={format.number(summary.messagesIn)} testId="metric-messages-in" />
      <Metric label={t("newSessions")} value={format.number(summary.newSessions)} />
      <Metric label={t("conversion")} value={percent(summary.conversionToNeedPayoff)} hint={t("conversionHint")} />
      <Metric
        label={t("firstResponse")}
        value={summary.firstResponse.medianBucket === null ? "—" : t(`responseBuckets.${RESPONSE_BUCKETS[summary.firstResponse.medianBucket]}`)}
        hint={summary.firstResponse.count > 0 ? t("firstResponseHint", { mean: duration(summary.firstResponse.meanMs), count: summary.firstResponse.count }) : undefined}
      />
      <Metric label={t("messagesOut")} value={format.number(summary.messagesOut)} hint={t("botShare", { share: percent(summary.botShare) })} />
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

import { useFormatter, useTranslations } from "next-intl";
import { SPIN_ORDER } from "@/lib/spin/types";
import type { Summary } from "./types";

/** How many conversations reached each SPIN stage in the window, as bars relative to the first. */
export function StageFunnel({ summary }: { summary: Summary }) {
  const t = useTranslations("conversations.stage");
  const tf = useTranslations("dashboard.funnel");
  const format = useFormatter();
  const top = Math.max(summary.funnel.situation, 1);
  return (
    <ol className="space-y-3" aria-label={tf("title")}>
      {SPIN_ORDER.map((stage) => {
        const reached = summary.funnel[stage];
        const width = `${Math.round((reached / top) * 100)}%`;
        return (
          <li key={stage} className="space-y-1">
            <div className="flex items-baseline justify-between text-sm">
              <span className="font-medium text-slate-800">{t(stage)}</span>
              <span className="tabular-nums text-slate-600">
                {tf("reached", { count: reached })} · {tf("questions", { count: summary.questions[stage] })}
              </span>
            </div>
            <div className="h-2.5 rounded-full bg-slate-100" aria-hidden="true">
              <div className="h-2.5 rounded-full bg-brand-600" style={{ width }} />
            </div>
          </li>
        );
      })}
      <li className="text-xs text-slate-500">
        {tf("conversion", { value: format.number(summary.conversionToNeedPayoff, { style: "percent", maximumFractionDigits: 0 }) })}
      </li>
    </ol>
  );
}

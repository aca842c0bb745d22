import { useFormatter, useTranslations } from "next-intl";
import type { TrendDay } from "./types";

const HEIGHT = 120;

/** 30 local days of customer messages as bars (SVG, no chart library needed), with a table for screen readers. */
export function TrendChart({ days }: { days: TrendDay[] }) {
  const t = useTranslations("dashboard.trend");
  const format = useFormatter();
  const top = Math.max(1, ...days.map((day) => Math.max(day.messagesIn, day.messagesOut)));
  const barWidth = 100 / Math.max(days.length, 1);
  const label = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" className="h-32 w-full" role="img" aria-label={t("summary", { total: days.reduce((sum, day) => sum + day.messagesIn, 0) })}>
        {days.map((day, i) => {
          const inHeight = (day.messagesIn / top) * (HEIGHT - 4);
          const outHeight = (day.messagesOut / top) * (HEIGHT - 4);
          return (
            <g key={day.day}>
              <title>{t("bar", { day: label(day.day), in: day.messagesIn, out: day.messagesOut })}</title>
              <rect x={i * barWidth + barWidth * 0.1} width={barWidth * 0.4} y={HEIGHT - inHeight} height={inHeight} className="fill-brand-600" />
              <rect x={i * barWidth + barWidth * 0.5} width={barWidth * 0.4} y={HEIGHT - outHeight} height={outHeight} className="fill-slate-300" />
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap justify-between gap-2 text-xs text-slate-500">
        <span>{days.length > 0 ? label(days[0].day) : ""}</span>
        <span className="flex gap-3">
          <span><span aria-hidden="true" className="mr-1 inline-block size-2 rounded-sm bg-brand-600" />{t("in")}</span>
          <span><span aria-hidden="true" className="mr-1 inline-block size-2 rounded-sm bg-slate-300" />{t("out")}</span>
        </span>
        <span>{days.length > 0 ? label(days[days.length - 1].day) : ""}</span>
      </figcaption>
      <table className="sr-only">
        <caption>{t("title")}</caption>
        <thead><tr><th scope="col">{t("day")}</th><th scope="col">{t("in")}</th><th scope="col">{t("out")}</th></tr></thead>
        <tbody>{days.map((day) => <tr key={day.day}><td>{day.day}</td><td>{day.messagesIn}</td><td>{day.messagesOut}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import { stackedTable as st } from "@/components/ui/stacked-table";
import type { Overview } from "./types";

const COLUMNS = ["messagesIn", "newSessions", "needPayoff", "conversion", "handovers"] as const;

/** The window's numbers per agent (WhatsApp number); stacked cards on a phone. */
export function AgentsTable({ agents }: { agents: Overview["agents"] }) {
  const t = useTranslations("dashboard.agents");
  const format = useFormatter();
  if (agents.length === 0) return <p className="px-5 py-4 text-sm text-slate-600">{t("empty")}</p>;
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const cell = `px-3 py-2 text-right tabular-nums ${st.cell}`;
  return (
    <div className={st.wrapper} role="region" aria-label={t("title")} tabIndex={0}>
      <table className={`text-sm ${st.table}`}>
        <caption className="sr-only">{t("title")}</caption>
        <thead className={st.thead}>
          <tr>
            <th scope="col" className={st.headerCell}>{t("agent")}</th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={`${st.headerCell} text-right`}>{t(column)}</th>
            ))}
          </tr>
        </thead>
        <tbody className={st.tbody}>
          {agents.map(({ agentId, name, deleted, summary }) => (
            <tr key={agentId} className={st.row}>
              <th scope="row" className={`px-5 py-2 text-left font-medium text-slate-900 ${st.rowHeader}`}>
                {name}
                {deleted ? <span className="ml-2 text-xs font-normal text-slate-600">{t("deleted")}</span> : null}
              </th>
              <td data-label={t("messagesIn")} className={cell}>{format.number(summary.messagesIn)}</td>
              <td data-label={t("newSessions")} className={cell}>{format.number(summary.newSessions)}</td>
              <td data-label={t("needPayoff")} className={cell}>{format.number(summary.funnel.need_payoff)}</td>
              <td data-label={t("conversion")} className={cell}>{percent(summary.conversionToNeedPayoff)}</td>
              <td data-label={t("handovers")} className={`${cell} sm:pr-5`}>{format.number(summary.handovers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import type { Overview } from "./types";

/** The window's numbers per agent (WhatsApp number). */
export function AgentsTable({ agents }: { agents: Overview["agents"] }) {
  const t = useTranslations("dashboard.agents");
  const format = useFormatter();
  if (agents.length === 0) return <p className="px-5 py-4 text-sm text-slate-600">{t("empty")}</p>;
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">{t("agent")}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t("messagesIn")}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t("newSessions")}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t("needPayoff")}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t("conversion")}</th>
            <th scope="col" className="px-5 py-2 text-right font-medium">{t("handovers")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map(({ agentId, name, deleted, summary }) => (
            <tr key={agentId}>
              <th scope="row" className="px-5 py-2 text-left font-medium text-slate-900">
                {name}
                {deleted ? <span className="ml-2 text-xs font-normal text-slate-500">{t("deleted")}</span> : null}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(summary.messagesIn)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(summary.newSessions)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(summary.funnel.need_payoff)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{percent(summary.conversionToNeedPayoff)}</td>
              <td className="px-5 py-2 text-right tabular-nums">{format.number(summary.handovers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

"use client";

import { isSessionStatus } from "@/lib/inbox/statuses";
import { isSpinStage, SPIN_ORDER } from "@/lib/spin/types";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { inputClasses } from "@/components/ui/field";
import type { AgentView } from "@/components/agents/types";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import type { ConversationFilters as Filters } from "./use-conversation-filters";

type ConversationFiltersProps = { orgId: string; agents: AgentView[]; filters: Filters; onChange: (next: Filters) => void };

export function ConversationFilters({ orgId, agents, filters, onChange }: ConversationFiltersProps) {
  const t = useTranslations("conversations.filters");
  const tStage = useTranslations("conversations.stage");
  const labels = useQuery(api.labels.list, { orgId });
  const ids = { agent: useId(), status: useId(), stage: useId(), label: useId() };
  return (
    <div role="group" aria-label={t("label")} className="grid grid-cols-2 gap-x-3 gap-y-2 border-b border-slate-200 px-4 py-3 sm:flex sm:flex-wrap sm:gap-x-4 sm:px-5">
      <div className="min-w-0 sm:min-w-48">
        <label htmlFor={ids.agent} className="text-xs font-medium text-slate-700">
          {t("agent")}
        </label>
        <select
          id={ids.agent}
          value={filters.agentId ?? ""}
          onChange={(event) =>
            onChange({ ...filters, agentId: (event.target.value || undefined) as Id<"agents"> | undefined })
          }
          className={inputClasses}
        >
          <option value="">{t("allAgents")}</option>
          {agents.map((agent) => (
            <option key={agent._id} value={agent._id}>
              {agent.name}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0 sm:min-w-40">
        <label htmlFor={ids.status} className="text-xs font-medium text-slate-700">
          {t("status")}
        </label>
        <select
          id={ids.status}
          value={filters.status ?? "open"}
          onChange={(event) => {
            const value = event.target.value;
            // Views show open conversations unless asked otherwise: open is the URL's default.
            onChange({ ...filters, status: isSessionStatus(value) && value !== "open" ? value : undefined });
          }}
          className={inputClasses}
        >
          <option value="open">{t("open")}</option>
          <option value="pending">{t("pending")}</option>
          <option value="snoozed">{t("snoozed")}</option>
          <option value="resolved">{t("resolved")}</option>
        </select>
      </div>
      <div className="min-w-0 sm:min-w-40">
        <label htmlFor={ids.stage} className="text-xs font-medium text-slate-700">
          {t("stage")}
        </label>
        <select
          id={ids.stage}
          value={filters.stage ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...filters, stage: isSpinStage(value) ? value : undefined });
          }}
          className={inputClasses}
        >
          <option value="">{t("allStages")}</option>
          {SPIN_ORDER.map((stage) => (
            <option key={stage} value={stage}>
              {tStage(stage)}
            </option>
          ))}
        </select>
      </div>
      {labels && labels.length > 0 ? (
        <div className="min-w-0 sm:min-w-40">
          <label htmlFor={ids.label} className="text-xs font-medium text-slate-700">
            {t("labelFilter")}
          </label>
          <select
            id={ids.label}
            value={filters.labelId ?? ""}
            onChange={(event) => onChange({ ...filters, labelId: (event.target.value || undefined) as Id<"labels"> | undefined })}
            className={inputClasses}
          >
            <option value="">{t("allLabels")}</option>
            {labels.map((label) => (
              <option key={label._id} value={label._id}>
                {label.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}

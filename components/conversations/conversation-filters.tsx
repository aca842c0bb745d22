"use client";

import { isSessionStatus, SESSION_STATUSES } from "@/lib/inbox/statuses";
import { isSpinStage, SPIN_ORDER } from "@/lib/spin/types";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { inputClasses } from "@/components/ui/field";
import type { AgentView } from "@/components/agents/types";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import type { ConversationFilters as Filters } from "./use-conversation-filters";

type ConversationFiltersProps = { orgId: string; agents: AgentView[]; filters: Filters; onChange: (next: Filters) => void };

type FilterSelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Option values and their words, after the "all" option (whose value is ""), when there is one. */
  options: { value: string; label: string }[];
  allLabel?: string;
  wide?: boolean;
};

/** One labelled filter select; two to a row on a phone, side by side from `sm`. */
function FilterSelect({ label, value, onChange, options, allLabel, wide }: FilterSelectProps): ReactNode {
  const id = useId();
  return (
    <div className={wide ? "min-w-0 sm:min-w-48" : "min-w-0 sm:min-w-40"}>
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={inputClasses}>
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ConversationFilters({ orgId, agents, filters, onChange }: ConversationFiltersProps) {
  const t = useTranslations("conversations.filters");
  const tStage = useTranslations("conversations.stage");
  const labels = useQuery(api.labels.list, { orgId });
  return (
    <div role="group" aria-label={t("label")} className="grid grid-cols-2 gap-x-3 gap-y-2 border-b border-slate-200 px-4 py-3 sm:flex sm:flex-wrap sm:gap-x-4 sm:px-5">
      <FilterSelect
        wide
        label={t("agent")}
        value={filters.agentId ?? ""}
        allLabel={t("allAgents")}
        options={agents.map((agent) => ({ value: agent._id, label: agent.name }))}
        onChange={(value) => onChange({ ...filters, agentId: (value || undefined) as Id<"agents"> | undefined })}
      />
      <FilterSelect
        label={t("status")}
        value={filters.status ?? "open"}
        options={SESSION_STATUSES.map((status) => ({ value: status, label: t(status) }))}
        // Views show open conversations unless asked otherwise: open is the URL's default.
        onChange={(value) => onChange({ ...filters, status: isSessionStatus(value) && value !== "open" ? value : undefined })}
      />
      <FilterSelect
        label={t("stage")}
        value={filters.stage ?? ""}
        allLabel={t("allStages")}
        options={SPIN_ORDER.map((stage) => ({ value: stage, label: tStage(stage) }))}
        onChange={(value) => onChange({ ...filters, stage: isSpinStage(value) ? value : undefined })}
      />
      {labels && labels.length > 0 ? (
        <FilterSelect
          label={t("labelFilter")}
          value={filters.labelId ?? ""}
          allLabel={t("allLabels")}
          options={labels.map((label) => ({ value: label._id, label: label.name }))}
          onChange={(value) => onChange({ ...filters, labelId: (value || undefined) as Id<"labels"> | undefined })}
        />
      ) : null}
    </div>
  );
}

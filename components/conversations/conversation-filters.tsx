"use client";

import { isSessionStatus } from "@/lib/inbox/statuses";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { inputClasses } from "@/components/ui/field";
import type { AgentView } from "@/components/agents/types";
import type { Id } from "@/convex/_generated/dataModel";
import type { ConversationFilters as Filters } from "./use-conversation-filters";

type ConversationFiltersProps = { agents: AgentView[]; filters: Filters; onChange: (next: Filters) => void };

export function ConversationFilters({ agents, filters, onChange }: ConversationFiltersProps) {
  const t = useTranslations("conversations.filters");
  const ids = { agent: useId(), status: useId() };
  return (
    <div role="group" aria-label={t("label")} className="flex flex-wrap gap-4 border-b border-slate-200 px-5 py-3">
      <div className="min-w-48">
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
      <div className="min-w-40">
        <label htmlFor={ids.status} className="text-xs font-medium text-slate-700">
          {t("status")}
        </label>
        <select
          id={ids.status}
          value={filters.status ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...filters, status: isSessionStatus(value) ? value : undefined });
          }}
          className={inputClasses}
        >
          <option value="">{t("all")}</option>
          <option value="open">{t("open")}</option>
          <option value="pending">{t("pending")}</option>
          <option value="snoozed">{t("snoozed")}</option>
          <option value="resolved">{t("resolved")}</option>
        </select>
      </div>
    </div>
  );
}

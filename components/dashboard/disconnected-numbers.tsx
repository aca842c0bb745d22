"use client";

import { useQuery } from "convex/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AgentHealthNote } from "@/components/agents/agent-health-note";
import { AgentStatusBadge } from "@/components/agents/agent-status-badge";
import { formatPhone } from "@/components/agents/types";
import { api } from "@/convex/_generated/api";
import { orgPath } from "@/lib/auth/routes";

/**
 * A warning on the dashboard while any number that was connected is not: customers writing to it get
 * no answer. Nothing while every number is fine (or still waiting for its first scan).
 */
export function DisconnectedNumbers({ orgId }: { orgId: string }) {
  const t = useTranslations("dashboard.disconnected");
  const agents = useQuery(api.agents.list, { orgId });
  // A number that never paired (created, waiting for its first scan) is not a lost connection.
  const disconnected = (agents ?? []).filter((agent) => agent.status === "close" || agent.status === "refused" || (agent.status === "connecting" && agent.phoneNumber !== null));
  if (disconnected.length === 0) return null;
  return (
    <section aria-labelledby="disconnected-numbers-title" className="rounded-lg bg-amber-50 px-5 py-4 ring-1 ring-inset ring-amber-300">
      <h2 id="disconnected-numbers-title" className="text-base font-semibold text-amber-950">
        {t("title", { count: disconnected.length })}
      </h2>
      <p className="mt-1 text-sm text-amber-950">{t("description")}</p>
      <ul className="mt-3 divide-y divide-amber-200">
        {disconnected.map((agent) => (
          <li key={agent._id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
            <span className="min-w-0">
              <span className="block font-medium text-slate-900">
                {agent.name}
                {agent.phoneNumber ? <span className="ml-2 text-sm font-normal text-slate-700">{formatPhone(agent.phoneNumber)}</span> : null}
              </span>
              <AgentHealthNote agent={agent} />
            </span>
            <span className="flex items-center gap-3">
              <AgentStatusBadge status={agent.status} />
              <Link href={orgPath(orgId, `/agents/${agent._id}`)} className="text-sm font-medium text-amber-950 underline underline-offset-2 hover:no-underline">
                {t("reconnect", { agent: agent.name })}
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

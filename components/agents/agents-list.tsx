import Link from "next/link";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { orgPath } from "@/lib/auth/routes";
import { AgentHealthNote } from "./agent-health-note";
import { AgentStatusBadge } from "./agent-status-badge";
import { formatPhone, type AgentView } from "./types";

type AgentsListProps = { orgId: string; agents: AgentView[]; canManage: boolean };

export function AgentsList({ orgId, agents, canManage }: AgentsListProps) {
  const t = useTranslations("agents");
  if (agents.length === 0) {
    return <EmptyState title={t("empty")} body={canManage ? t("emptyBodyAdmin") : t("emptyBodyMember")} />;
  }
  return (
    <ul className="divide-y divide-slate-100">
      {agents.map((agent) => (
        <li key={agent._id}>
          <Link
            href={orgPath(orgId, `/agents/${agent._id}`)}
            className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 hover:bg-slate-50 focus-visible:bg-slate-50"
          >
            <span className="min-w-0">
              <span className="block truncate font-medium text-slate-900">{agent.name}</span>
              <span className="block text-sm text-slate-600">
                {agent.phoneNumber ? formatPhone(agent.phoneNumber) : t("notConnected")}
              </span>
              <AgentHealthNote agent={agent} />
            </span>
            <AgentStatusBadge status={agent.status} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

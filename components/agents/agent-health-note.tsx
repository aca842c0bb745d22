import { useFormatter, useNow, useTranslations } from "next-intl";
import type { AgentView } from "./types";

/**
 * What the last health check found, in words: a number WhatsApp logged out or the gateway forgot
 * (while the agent is not connected), or a gateway that could not be reached. Nothing when healthy.
 */
export function AgentHealthNote({ agent, className }: { agent: Pick<AgentView, "status" | "lastHealthError" | "healthCheckedAt">; className?: string }) {
  const t = useTranslations("agents.health");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const error = agent.lastHealthError;
  if (error === null || agent.healthCheckedAt === null) return null;
  // A reconnected number has left its old finding behind; only the gateway being down still matters then.
  if (agent.status === "open" && error !== "unreachable") return null;
  const when = format.relativeTime(Math.min(agent.healthCheckedAt, now.getTime()), now);
  return <span className={className ?? "block text-sm text-amber-800"}>{t(error, { when })}</span>;
}

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AgentStatus } from "./types";

const TONES: Record<AgentStatus, BadgeTone> = {
  created: "neutral",
  connecting: "warning",
  open: "success",
  close: "neutral",
  refused: "danger",
};

const DOTS: Record<AgentStatus, string> = {
  created: "bg-slate-400",
  connecting: "bg-amber-500",
  open: "bg-emerald-500",
  close: "bg-slate-400",
  refused: "bg-rose-500",
};

/** Colour for a glance, words for everyone (the colour is never the only signal). */
export function AgentStatusBadge({ status }: { status: AgentStatus }) {
  const t = useTranslations("agents.status");
  return (
    <Badge tone={TONES[status]}>
      <span aria-hidden="true" className={`mr-1.5 inline-block size-1.5 rounded-full ${DOTS[status]}`} />
      {t(status)}
    </Badge>
  );
}

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SessionStatus, SpinStage } from "./types";

const STAGE_TONES: Record<SpinStage, BadgeTone> = {
  situation: "neutral",
  problem: "warning",
  implication: "info",
  need_payoff: "success",
};

/** Where the conversation stands in SPIN: Situation → Problem → Implication → Need-payoff. */
export function StageBadge({ stage }: { stage: SpinStage }) {
  const t = useTranslations("conversations");
  return (
    <Badge tone={STAGE_TONES[stage]}>
      <span className="sr-only">{t("stageLabel")}: </span>
      {t(`stage.${stage}`)}
    </Badge>
  );
}

const STATUS_TONES: Record<SessionStatus, BadgeTone> = { open: "brand", pending: "warning", snoozed: "info", resolved: "success" };

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useTranslations("conversations.status");
  return <Badge tone={STATUS_TONES[status]}>{t(status)}</Badge>;
}

export function UnreadBadge({ count }: { count: number }) {
  const t = useTranslations("conversations");
  if (count === 0) return null;
  return (
    <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span className="sr-only">{t("unread", { count })}</span>
    </span>
  );
}

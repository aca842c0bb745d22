"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";
import { formatPhone, type AgentView } from "./types";

type AgentConnectionProps = { agent: AgentView; canManage: boolean; timeZone: string };

/** What the connection needs next; the QR image is live and changes as the gateway sends new codes. */
export function AgentConnection({ agent, canManage, timeZone }: AgentConnectionProps) {
  const t = useTranslations("agents.connection");
  const format = useFormatter();
  const nextStep = canManage ? t("adminHint") : t("memberHint");

  if (agent.status === "open") {
    return (
      <p className="text-sm text-slate-800">
        {agent.phoneNumber ? t("connected", { phone: formatPhone(agent.phoneNumber) }) : t("connectedNoNumber")}
      </p>
    );
  }
  if (agent.status === "connecting" && agent.qrCode) {
    return (
      <div className="flex flex-col items-center gap-3 sm:flex-row sm:items-start sm:gap-6">
        {/* A data URL that changes with every webhook: next/image would add nothing here. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={agent.qrCode}
          alt={t("qrAlt", { name: agent.name })}
          width={256}
          height={256}
          className="size-64 shrink-0 rounded-md border border-slate-200 bg-white p-2"
        />
        <div className="space-y-2 text-sm text-slate-700">
          <p className="font-medium text-slate-900">{t("qrHint")}</p>
          <p>{t("qrSteps")}</p>
          <p className="text-slate-500">{t("qrLive")}</p>
          {agent.qrUpdatedAt !== null ? (
            <p className="text-xs text-slate-500">
              {t("qrUpdated", {
                time: format.dateTime(agent.qrUpdatedAt, { timeStyle: "medium", timeZone }),
              })}
            </p>
          ) : null}
        </div>
      </div>
    );
  }
  if (agent.status === "connecting") {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <Spinner className="size-4" />
        {t("waiting")}
      </p>
    );
  }
  const state = agent.status === "refused" ? t("refused") : agent.status === "close" ? t("closed") : t("created");
  return (
    <div className="space-y-1 text-sm">
      <p className="text-slate-800">{state}</p>
      <p className="text-slate-600">{nextStep}</p>
    </div>
  );
}

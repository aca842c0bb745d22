"use client";

import { useAction } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AgentConnection } from "@/components/agents/agent-connection";
import { CreateAgentForm } from "@/components/agents/create-agent-form";
import type { AgentView } from "@/components/agents/types";
import { Button, ButtonLink, buttonClasses } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import { orgPath } from "@/lib/auth/routes";
import { simulatorPhoneUrl } from "@/lib/onboarding";

type ConnectStepProps = { orgId: string; agent: AgentView | null; canManage: boolean; timeZone: string; simulatorUrl: string | null };

/** Names the first number (the agent form), then shows its live QR code until WhatsApp links it. */
export function ConnectStep({ orgId, agent, canManage, timeZone, simulatorUrl }: ConnectStepProps) {
  const t = useTranslations("onboarding.connect");
  if (agent === null) {
    if (!canManage) return <AgentConnectionNote />;
    const firstNumber = {
      name: t("name"),
      nameHint: t("nameHint"),
      namePlaceholder: t("namePlaceholder"),
      nameRequired: t("nameRequired"),
      submit: t("submit"),
      submitting: t("submitting"),
    };
    // The status query picks the new agent up live: nothing to do on success.
    return <CreateAgentForm orgId={orgId} onCreated={() => undefined} firstNumber={firstNumber} />;
  }
  return (
    <div className="space-y-4">
      <AgentConnection agent={agent} canManage={canManage} timeZone={timeZone} />
      {canManage && agent.status !== "open" ? <PairingActions orgId={orgId} agent={agent} simulatorUrl={simulatorUrl} /> : null}
      <ButtonLink href={orgPath(orgId, "/agents")} variant="ghost" size="sm">
        {t("manage")}
      </ButtonLink>
    </div>
  );
}

function AgentConnectionNote() {
  const t = useTranslations("agents.connection");
  return <p className="text-sm text-slate-600">{t("memberHint")}</p>;
}

/** A new QR code when none is showing, and (offline) the simulator's phone that scans it. */
function PairingActions({ orgId, agent, simulatorUrl }: { orgId: string; agent: AgentView; simulatorUrl: string | null }) {
  const t = useTranslations("onboarding.connect");
  const errorMessage = useErrorMessage();
  const refreshQr = useAction(api.agentGateway.refreshQr);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showingQr = agent.status === "connecting" && agent.qrCode !== null;

  async function requestQr() {
    setPending(true);
    setError(null);
    try {
      await refreshQr({ orgId, agentId: agent._id });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {showingQr ? null : (
          <Button onClick={() => void requestQr()} disabled={pending}>
            {pending ? <Spinner className="size-4 text-white" /> : null}
            {pending ? t("refreshing") : t("refreshQr")}
          </Button>
        )}
        {simulatorUrl && showingQr ? (
          <a
            href={simulatorPhoneUrl(simulatorUrl, agent.instanceName)}
            target="_blank"
            rel="noopener noreferrer"
            aria-describedby="connect-simulator-hint"
            className={buttonClasses("secondary")}
          >
            {t("openSimulator")}
          </a>
        ) : null}
      </div>
      {simulatorUrl && showingQr ? (
        <p id="connect-simulator-hint" className="text-xs text-slate-600">
          {t("simulatorHint")}
        </p>
      ) : null}
      {error ? <InlineError>{error}</InlineError> : null}
    </div>
  );
}

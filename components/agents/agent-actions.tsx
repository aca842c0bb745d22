"use client";

import { useAction } from "convex/react";
import { useTranslations } from "next-intl";
import { api } from "@/convex/_generated/api";
import { ConfirmAction } from "./confirm-action";
import type { AgentView } from "./types";

type AgentActionsProps = {
  orgId: string;
  agent: AgentView;
  onRotated: (webhookSecret: string) => void;
  /** Deleting unmounts this page's live agent, so the page owns that flow. */
  onRemove: () => Promise<void>;
};

/** Admin-only controls, each behind a confirmation. */
export function AgentActions({ orgId, agent, onRotated, onRemove }: AgentActionsProps) {
  const t = useTranslations("agents.actions");
  const refreshQr = useAction(api.agentGateway.refreshQr);
  const disconnect = useAction(api.agentGateway.disconnect);
  const rotateSecret = useAction(api.agentGateway.rotateSecret);
  const args = { orgId, agentId: agent._id };
  const name = agent.name;

  return (
    <div className="flex flex-wrap gap-2">
      {agent.status !== "open" ? (
        <ConfirmAction
          label={t("refreshQr.label")}
          title={t("refreshQr.title")}
          body={t("refreshQr.body")}
          confirmLabel={t("refreshQr.confirm")}
          pendingLabel={t("refreshQr.pending")}
          run={async () => {
            await refreshQr(args);
          }}
        />
      ) : null}
      {agent.status === "open" || agent.status === "connecting" ? (
        <ConfirmAction
          label={t("disconnect.label")}
          title={t("disconnect.title", { name })}
          body={t("disconnect.body")}
          confirmLabel={t("disconnect.confirm")}
          pendingLabel={t("disconnect.pending")}
          run={async () => {
            await disconnect(args);
          }}
        />
      ) : null}
      <ConfirmAction
        label={t("rotate.label")}
        title={t("rotate.title")}
        body={t("rotate.body")}
        confirmLabel={t("rotate.confirm")}
        pendingLabel={t("rotate.pending")}
        run={async () => {
          const { webhookSecret } = await rotateSecret(args);
          onRotated(webhookSecret);
        }}
      />
      <ConfirmAction
        danger
        label={t("remove.label")}
        title={t("remove.title", { name })}
        body={t("remove.body")}
        confirmLabel={t("remove.confirm")}
        pendingLabel={t("remove.pending")}
        run={onRemove}
      />
    </div>
  );
}

"use client";

import { useAction, useQuery } from "convex/react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { DetailList } from "@/components/org/detail-list";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { roleAtLeast } from "@/lib/auth/claims";
import { orgPath } from "@/lib/auth/routes";
import { RoutingCard } from "@/components/inbox/routing-card";
import { AgentActions } from "./agent-actions";
import { AgentConnection } from "./agent-connection";
import { AgentHealthNote } from "./agent-health-note";
import { AgentStatusBadge } from "./agent-status-badge";
import { BotSettings } from "./bot-settings";
import { SecretPanel } from "./secret-panel";
import { formatPhone } from "./types";

/** One live agent: details, WhatsApp connection (QR) and, for admins, the controls. */
export function AgentDetail({ orgId, agentId }: { orgId: string; agentId: Id<"agents"> }) {
  const t = useTranslations("agents");
  const format = useFormatter();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const remove = useAction(api.agentGateway.remove);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [rotatedSecret, setRotatedSecret] = useState<string | null>(null);
  const org = useQuery(api.organizations.current, { orgId });
  // Unsubscribe while deleting: the live agent turns NOT_FOUND the moment the delete lands.
  const agent = useQuery(api.agents.get, removing ? "skip" : { orgId, agentId });

  async function removeAgent() {
    setRemoving(true);
    setRemoveError(null);
    try {
      await remove({ orgId, agentId });
      router.replace(orgPath(orgId, "/agents"));
    } catch (caught) {
      setRemoving(false);
      setRemoveError(errorMessage(caught));
    }
  }

  if (removing) return <LoadingState label={t("deleting")} />;
  if (org === undefined || agent === undefined) return <LoadingState label={t("loading")} />;
  const canManage = roleAtLeast(org.role, "admin");
  const notSet = <span className="text-slate-500">{t("detail.notSet")}</span>;

  return (
    <div className="space-y-6">
      <Link href={orgPath(orgId, "/agents")} className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("detail.back")}
      </Link>
      <PageHeader title={agent.name} subtitle={t("detail.subtitle")} />
      {removeError ? <InlineError>{removeError}</InlineError> : null}
      {rotatedSecret ? (
        <SecretPanel
          title={t("secret.rotatedTitle")}
          secret={rotatedSecret}
          onDismiss={() => setRotatedSecret(null)}
        />
      ) : null}
      <Card>
        <CardHeader title={t("connection.title")} actions={<AgentStatusBadge status={agent.status} />} />
        <CardBody>
          <AgentHealthNote agent={agent} className="mb-3 block rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-300" />
          <AgentConnection agent={agent} canManage={canManage} timeZone={org.timezone} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("bot.title")} description={t("bot.description")} />
        <CardBody>
          <BotSettings orgId={orgId} agent={agent} canManage={canManage} />
        </CardBody>
      </Card>
      <RoutingCard orgId={orgId} agentId={agent._id} canManage={canManage} />
      <Card>
        <CardHeader title={t("detail.title")} />
        <CardBody className="py-1">
          <DetailList
            items={[
              { label: t("detail.name"), value: agent.name },
              { label: t("detail.status"), value: <AgentStatusBadge status={agent.status} /> },
              {
                label: t("detail.phoneNumber"),
                value: agent.phoneNumber ? formatPhone(agent.phoneNumber) : notSet,
              },
              { label: t("detail.instanceName"), value: <code className="font-mono text-xs">{agent.instanceName}</code> },
              {
                label: t("detail.createdAt"),
                value: format.dateTime(agent._creationTime, {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: org.timezone,
                }),
              },
            ]}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("actions.title")} />
        <CardBody>
          {canManage ? (
            <AgentActions orgId={orgId} agent={agent} onRotated={setRotatedSecret} onRemove={removeAgent} />
          ) : (
            <p className="text-sm text-slate-600">{t("actions.readOnly")}</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}

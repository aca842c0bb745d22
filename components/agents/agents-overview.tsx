"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { orgPath } from "@/lib/auth/routes";
import { SetupEmptyState } from "@/components/onboarding/setup-hint";
import { AgentsList } from "./agents-list";
import { CreateAgentForm, type CreatedAgent } from "./create-agent-form";
import { SecretPanel } from "./secret-panel";

/** The live agent list for everyone; creating agents only for owners and admins. */
export function AgentsOverview({ orgId }: { orgId: string }) {
  const t = useTranslations("agents");
  const org = useQuery(api.organizations.current, { orgId });
  const agents = useQuery(api.agents.list, { orgId });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedAgent | null>(null);
  if (org === undefined || agents === undefined) return <LoadingState label={t("loading")} />;
  const canManage = roleAtLeast(org.role, "admin");

  return (
    <div className="space-y-6">
      {canManage ? null : <p className="text-sm text-slate-500">{t("memberNote")}</p>}
      {created ? (
        <SecretPanel
          title={t("secret.createdTitle", { name: created.name })}
          secret={created.webhookSecret}
          onDismiss={() => setCreated(null)}
        >
          <ButtonLink href={orgPath(orgId, `/agents/${created.agentId}`)} size="sm">
            {t("secret.openAgent")}
          </ButtonLink>
        </SecretPanel>
      ) : null}
      {canManage && creating ? (
        <Card>
          <CardHeader title={t("create.title")} description={t("create.description")} />
          <CardBody>
            <CreateAgentForm
              orgId={orgId}
              onCancel={() => setCreating(false)}
              onCreated={(agent) => {
                setCreating(false);
                setCreated(agent);
              }}
            />
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title={t("listTitle")}
          description={agents.length > 0 ? t("listCount", { count: agents.length }) : undefined}
          actions={
            canManage && !creating ? (
              <Button size="sm" onClick={() => setCreating(true)}>
                {t("newAgent")}
              </Button>
            ) : undefined
          }
        />
        {agents.length === 0 && !creating ? (
          <SetupEmptyState orgId={orgId} fallback={<AgentsList orgId={orgId} agents={agents} canManage={canManage} />} />
        ) : (
          <AgentsList orgId={orgId} agents={agents} canManage={canManage} />
        )}
      </Card>
    </div>
  );
}

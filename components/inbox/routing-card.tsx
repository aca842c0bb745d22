"use client";

import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineError, inputClasses } from "@/components/ui/field";
import { LoadingState } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";

type Routing = { defaultAssigneeId: Id<"users"> | null; roundRobinMemberIds: Id<"users">[] | null };

/** Who gets this number's conversations that start waiting for a person (admins change it). */
export function RoutingCard({ orgId, agentId, canManage }: { orgId: string; agentId: Id<"agents">; canManage: boolean }) {
  const t = useTranslations("inbox.routing");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {canManage ? <RoutingForm orgId={orgId} agentId={agentId} /> : <p className="text-sm text-slate-600">{t("adminsOnly")}</p>}
      </CardBody>
    </Card>
  );
}

function RoutingForm({ orgId, agentId }: { orgId: string; agentId: Id<"agents"> }) {
  const t = useTranslations("inbox.routing");
  const stored = useQuery(api.routing.agentRouting, { orgId, agentId });
  const members = useQuery(api.organizations.members, { orgId });
  if (stored === undefined || members === undefined) return <LoadingState label={t("title")} />;
  // Remounts with what is stored once it changes elsewhere.
  return <RoutingFields key={JSON.stringify(stored)} orgId={orgId} agentId={agentId} stored={stored} members={members} />;
}

type Member = { userId: Id<"users">; name: string };

function RoutingFields({ orgId, agentId, stored, members }: { orgId: string; agentId: Id<"agents">; stored: Routing; members: Member[] }) {
  const t = useTranslations("inbox.routing");
  const errorMessage = useErrorMessage();
  const save = useMutation(api.routing.setAgentRouting);
  const [defaultAssigneeId, setDefault] = useState(stored.defaultAssigneeId ?? "");
  const [rotation, setRotation] = useState<Id<"users">[]>(stored.roundRobinMemberIds ?? []);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);
  const ids = { owner: useId(), hint: useId() };

  async function submit() {
    setState("saving");
    setError(null);
    try {
      await save({
        orgId,
        agentId,
        defaultAssigneeId: defaultAssigneeId === "" ? null : (defaultAssigneeId as Id<"users">),
        roundRobinMemberIds: rotation.length === 0 ? null : rotation,
      });
      setState("saved");
    } catch (caught) {
      setError(errorMessage(caught));
      setState("idle");
    }
  }

  const toggle = (userId: Id<"users">, on: boolean) => {
    setState("idle");
    setRotation((current) => (on ? [...current, userId] : current.filter((id) => id !== userId)));
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="max-w-sm">
        <label htmlFor={ids.owner} className="text-sm font-medium text-slate-800">
          {t("defaultOwner")}
        </label>
        <select
          id={ids.owner}
          value={defaultAssigneeId}
          onChange={(event) => {
            setState("idle");
            setDefault(event.target.value);
          }}
          className={inputClasses}
        >
          <option value="">{t("nobody")}</option>
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset aria-describedby={ids.hint} className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("roundRobin")}</legend>
        <p id={ids.hint} className="text-xs text-slate-500">
          {t("roundRobinHint")}
        </p>
        {members.map((member) => (
          <label key={member.userId} className="flex min-h-10 cursor-pointer items-center gap-3 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={rotation.includes(member.userId)}
              onChange={(event) => toggle(member.userId, event.target.checked)}
              className="size-4 accent-brand-700"
            />
            {member.name}
          </label>
        ))}
      </fieldset>
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={state === "saving"}>
          {state === "saving" ? t("saving") : t("save")}
        </Button>
        {state === "saved" ? (
          <p role="status" className="text-sm text-emerald-700">
            {t("saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { SessionItem } from "@/components/conversations/types";
import { inputClasses } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { OwnerAvatar } from "./owner-avatar";

type AssignSelectProps = { orgId: string; session: SessionItem; onError: (message: string | null) => void };

/** Who owns the conversation: me, a teammate, or nobody. A native select: keyboard and phone friendly. */
export function AssignSelect({ orgId, session, onError }: AssignSelectProps) {
  const t = useTranslations("inbox.owner");
  const errorMessage = useErrorMessage();
  const members = useQuery(api.organizations.members, { orgId });
  const assign = useMutation(api.triage.assign);
  const unassign = useMutation(api.triage.unassign);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const owner = session.assignee;

  async function change(value: string) {
    setSaving(true);
    onError(null);
    try {
      if (value === "") await unassign({ orgId, sessionId: session._id });
      else await assign({ orgId, sessionId: session._id, assigneeId: value as Id<"users"> });
    } catch (caught) {
      onError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const viewer = members?.find((member) => member.isViewer);
  const teammates = members?.filter((member) => !member.isViewer) ?? [];
  // A removed owner still shows until someone reassigns the conversation.
  const ownerListed = owner === null || members === undefined || members.some((member) => member.userId === owner.userId);
  return (
    <div className="flex items-end gap-2">
      {owner ? <OwnerAvatar name={owner.name} imageUrl={owner.imageUrl} label={t("assignedTo", { name: owner.name })} size="md" /> : null}
      <div className="min-w-44">
        <label htmlFor={id} className="text-xs font-medium text-slate-700">
          {saving ? t("saving") : t("label")}
        </label>
        <select
          id={id}
          value={owner?.userId ?? ""}
          disabled={members === undefined || saving}
          onChange={(event) => void change(event.target.value)}
          className={inputClasses}
        >
          <option value="">{t("unassigned")}</option>
          {viewer ? <option value={viewer.userId}>{t("me", { name: viewer.name })}</option> : null}
          {teammates.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
          {!ownerListed && owner ? <option value={owner.userId}>{owner.name}</option> : null}
        </select>
      </div>
    </div>
  );
}

"use client";

import { RowActions } from "./row-actions";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { LabelChip } from "@/components/inbox-tools/label-chip";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineError, inputClasses } from "@/components/ui/field";
import { LoadingState } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { roleAtLeast } from "@/lib/auth/claims";
import { toAppErrorData } from "@/lib/errors";
import { LABEL_COLORS, MAX_LABEL_NAME, type LabelColor } from "@/lib/inbox/labels";

type Draft = { name: string; color: LabelColor };

/** Name and colour fields shared by "add" and "edit". */
function LabelForm({ initial, submitLabel, onSubmit, onCancel }: { initial: Draft; submitLabel: string; onSubmit: (draft: Draft) => Promise<void>; onCancel?: () => void }) {
  const t = useTranslations("inboxTools.labels");
  const errorMessage = useErrorMessage();
  const ids = { name: useId(), color: useId() };
  const [draft, setDraft] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      await onSubmit(draft);
      if (!onCancel) setDraft({ name: "", color: draft.color });
    } catch (caught) {
      setError(toAppErrorData(caught).code === "INVALID_ARGUMENT" ? t("settings.invalid") : errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="min-w-40 flex-1">
        <label htmlFor={ids.name} className="text-sm font-medium text-slate-800">
          {t("settings.name")}
        </label>
        <input id={ids.name} className={inputClasses} value={draft.name} maxLength={MAX_LABEL_NAME} required onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      </div>
      <div>
        <label htmlFor={ids.color} className="text-sm font-medium text-slate-800">
          {t("settings.color")}
        </label>
        <select id={ids.color} className={inputClasses} value={draft.color} onChange={(event) => setDraft({ ...draft, color: event.target.value as LabelColor })}>
          {LABEL_COLORS.map((color) => (
            <option key={color} value={color}>
              {t(`colors.${color}`)}
            </option>
          ))}
        </select>
      </div>
      <LabelChip label={{ _id: "preview", name: draft.name || "…", color: draft.color }} className="mb-2" />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || draft.name.trim() === ""}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t("settings.cancel")}
          </Button>
        ) : null}
      </div>
      {error ? (
        <div className="basis-full">
          <InlineError>{error}</InlineError>
        </div>
      ) : null}
    </form>
  );
}

/** The org's labels: everyone sees them; owners and admins add, rename, recolour and delete. */
export function LabelSettings({ orgId }: { orgId: string }) {
  const t = useTranslations("inboxTools.labels");
  const org = useQuery(api.organizations.current, { orgId });
  const labels = useQuery(api.labels.list, { orgId });
  const create = useMutation(api.labels.create);
  const update = useMutation(api.labels.update);
  const remove = useMutation(api.labels.remove);
  const [editing, setEditing] = useState<Id<"labels"> | null>(null);
  const admin = org !== undefined && roleAtLeast(org.role, "admin");

  return (
    <Card>
      <CardHeader title={t("settings.title")} description={t("settings.description")} />
      <CardBody className="space-y-4">
        {labels === undefined || org === undefined ? (
          <LoadingState label={t("settings.title")} className="py-6" />
        ) : (
          <>
            {labels.length === 0 ? (
              <EmptyState title={t("settings.empty")} body={t("settings.emptyBody")} />
            ) : (
              <ul aria-label={t("settings.listLabel")} className="divide-y divide-slate-100">
                {labels.map((label) => (
                  <li key={label._id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    {editing === label._id ? (
                      <LabelForm
                        initial={{ name: label.name, color: label.color as LabelColor }}
                        submitLabel={t("settings.save")}
                        onCancel={() => setEditing(null)}
                        onSubmit={async (draft) => {
                          await update({ orgId, labelId: label._id, ...draft });
                          setEditing(null);
                        }}
                      />
                    ) : (
                      <>
                        <LabelChip label={label} />
                        {admin ? (
                          <RowActions
                            itemName={label.name}
                            editLabel={t("settings.edit")}
                            deleteLabel={t("settings.delete")}
                            deletingLabel={t("settings.deleting")}
                            deleteQuestion={t("settings.deleteConfirm", { name: label.name })}
                            onEdit={() => setEditing(label._id)}
                            onDelete={async () => void (await remove({ orgId, labelId: label._id }))}
                          />
                        ) : null}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {admin ? (
              <LabelForm initial={{ name: "", color: "sky" }} submitLabel={t("settings.add")} onSubmit={async (draft) => void (await create({ orgId, ...draft }))} />
            ) : (
              <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("settings.readOnly")}</p>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}

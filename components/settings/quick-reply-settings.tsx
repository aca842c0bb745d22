"use client";

import { RowActions } from "./row-actions";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
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
import { MAX_QUICK_REPLY_TEXT, MAX_SHORTCUT_LENGTH } from "@/lib/inbox/quick-replies";

type Draft = { shortcut: string; text: string };
const VARIABLES = "{{contact.first_name}}, {{contact.name}}, {{agent.name}}, {{me.first_name}}";

function QuickReplyForm({ initial, submitLabel, onSubmit, onCancel }: { initial: Draft; submitLabel: string; onSubmit: (draft: Draft) => Promise<void>; onCancel?: () => void }) {
  const t = useTranslations("inboxTools.quickReplies.settings");
  const errorMessage = useErrorMessage();
  const ids = { shortcut: useId(), text: useId(), shortcutHint: useId(), textHint: useId() };
  const [draft, setDraft] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      await onSubmit(draft);
      if (!onCancel) setDraft({ shortcut: "", text: "" });
    } catch (caught) {
      setError(toAppErrorData(caught).code === "INVALID_ARGUMENT" ? t("invalid", { max: MAX_QUICK_REPLY_TEXT }) : errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="w-full space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div>
        <label htmlFor={ids.shortcut} className="text-sm font-medium text-slate-800">
          {t("shortcut")}
        </label>
        <div className="mt-1 flex items-center gap-1">
          <span aria-hidden="true" className="font-mono text-slate-600">
            /
          </span>
          <input
            id={ids.shortcut}
            className={`${inputClasses} mt-0 max-w-60 font-mono`}
            value={draft.shortcut}
            maxLength={MAX_SHORTCUT_LENGTH}
            required
            aria-describedby={ids.shortcutHint}
            onChange={(event) => setDraft({ ...draft, shortcut: event.target.value })}
          />
        </div>
        <p id={ids.shortcutHint} className="mt-1 text-xs text-slate-600">
          {t("shortcutHint")}
        </p>
      </div>
      <div>
        <label htmlFor={ids.text} className="text-sm font-medium text-slate-800">
          {t("text")}
        </label>
        <textarea
          id={ids.text}
          className={`${inputClasses} resize-y`}
          rows={3}
          value={draft.text}
          maxLength={MAX_QUICK_REPLY_TEXT}
          required
          aria-describedby={ids.textHint}
          onChange={(event) => setDraft({ ...draft, text: event.target.value })}
        />
        <p id={ids.textHint} className="mt-1 text-xs text-slate-600">
          {t("textHint", { max: MAX_QUICK_REPLY_TEXT })}
        </p>
      </div>
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || draft.shortcut.trim() === "" || draft.text.trim() === ""}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Org-wide canned replies: everyone sees them; owners and admins add, edit and delete. */
export function QuickReplySettings({ orgId }: { orgId: string }) {
  const t = useTranslations("inboxTools.quickReplies.settings");
  const org = useQuery(api.organizations.current, { orgId });
  const replies = useQuery(api.quickReplies.list, { orgId });
  const create = useMutation(api.quickReplies.create);
  const update = useMutation(api.quickReplies.update);
  const remove = useMutation(api.quickReplies.remove);
  const [editing, setEditing] = useState<Id<"quickReplies"> | null>(null);
  const admin = org !== undefined && roleAtLeast(org.role, "admin");

  return (
    <Card>
      <CardHeader title={t("title")} description={t("description", { vars: VARIABLES })} />
      <CardBody className="space-y-4">
        {replies === undefined || org === undefined ? (
          <LoadingState label={t("title")} className="py-6" />
        ) : (
          <>
            {replies.length === 0 ? (
              <EmptyState title={t("empty")} body={t("emptyBody")} />
            ) : (
              <ul aria-label={t("listLabel")} className="divide-y divide-slate-100">
                {replies.map((reply) => (
                  <li key={reply._id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                    {editing === reply._id ? (
                      <QuickReplyForm
                        initial={{ shortcut: reply.shortcut, text: reply.text }}
                        submitLabel={t("save")}
                        onCancel={() => setEditing(null)}
                        onSubmit={async (draft) => {
                          await update({ orgId, quickReplyId: reply._id, ...draft });
                          setEditing(null);
                        }}
                      />
                    ) : (
                      <>
                        <div className="min-w-48 flex-1">
                          <p className="font-mono text-sm font-semibold text-slate-900">/{reply.shortcut}</p>
                          <p className="mt-0.5 text-sm break-words whitespace-pre-wrap text-slate-700">{reply.text}</p>
                        </div>
                        {admin ? (
                          <RowActions
                            itemName={`/${reply.shortcut}`}
                            editLabel={t("edit")}
                            deleteLabel={t("delete")}
                            deletingLabel={t("deleting")}
                            deleteQuestion={t("deleteConfirm", { shortcut: reply.shortcut })}
                            onEdit={() => setEditing(reply._id)}
                            onDelete={async () => void (await remove({ orgId, quickReplyId: reply._id }))}
                          />
                        ) : null}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {admin ? (
              <QuickReplyForm initial={{ shortcut: "", text: "" }} submitLabel={t("add")} onSubmit={async (draft) => void (await create({ orgId, ...draft }))} />
            ) : (
              <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("readOnly")}</p>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}

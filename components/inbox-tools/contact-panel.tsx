"use client";

import { useMutation, useQuery } from "convex/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { StageBadge, SessionStatusBadge } from "@/components/conversations/badges";
import { RelativeTime } from "@/components/conversations/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { InlineError, inputClasses } from "@/components/ui/field";
import { LoadingState } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { orgPath } from "@/lib/auth/routes";
import { toAppErrorData } from "@/lib/errors";
import { formatPhoneFull } from "@/lib/inbox/phone";
import { LabelChips, type LabelChipData } from "./label-chip";

const MAX_NOTES = 2000;

type ContactPanelProps = { orgId: string; sessionId: Id<"sessions">; labels: LabelChipData[]; timeZone: string };

/**
 * Who the customer is, beside the thread: the team's name for them (editable), their number in full,
 * WhatsApp's name and other ids, labels, notes, opt-out, and their conversations. Collapsible on a
 * phone, where it sits under the thread; always open from 1024 px.
 */
export function ContactPanel({ orgId, sessionId, labels, timeZone }: ContactPanelProps) {
  const t = useTranslations("inboxTools.contact");
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const contact = useQuery(api.contacts.ofSession, { orgId, sessionId });
  return (
    <Card>
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
        <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <Button variant="ghost" size="sm" className="lg:hidden" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? t("hide") : t("show")}
        </Button>
      </div>
      <div id={bodyId} className={open ? "block" : "max-lg:hidden"}>
        {contact === undefined ? (
          <LoadingState label={t("title")} className="py-6" />
        ) : (
          <CardBody className="space-y-4 text-sm">
            <ContactForm key={contact._id} orgId={orgId} contact={contact} />
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5">
              <dt className="text-slate-600">{t("phone")}</dt>
              <dd className="font-medium text-slate-900">{formatPhoneFull(contact.number)}</dd>
              <dt className="text-slate-600">{t("whatsappName")}</dt>
              <dd className="text-slate-900">{contact.whatsappName ?? "—"}</dd>
              {contact.waJidAlt ? (
                <>
                  <dt className="text-slate-600">{t("altIds")}</dt>
                  <dd className="font-mono text-xs break-all text-slate-800">{contact.waJidAlt}</dd>
                </>
              ) : null}
            </dl>
            <p className={contact.optedOut ? "rounded-md bg-amber-50 px-3 py-2 text-amber-950 ring-1 ring-amber-300" : "text-slate-600"}>
              {contact.optedOut ? t("optedOut") : t("optedIn")}
            </p>
            {labels.length > 0 ? (
              <div className="flex flex-wrap gap-1.5">
                <LabelChips labels={labels} />
              </div>
            ) : null}
            <section aria-label={t("conversations")}>
              <h3 className="mb-1 font-semibold text-slate-900">{t("conversations")}</h3>
              <ul className="divide-y divide-slate-100">
                {contact.conversations.map((row) => (
                  <li key={row._id}>
                    <Link
                      href={orgPath(orgId, `/conversations/${row._id}`)}
                      aria-current={row._id === sessionId ? "page" : undefined}
                      className="flex flex-wrap items-center gap-1.5 py-2 hover:bg-slate-50"
                    >
                      <RelativeTime at={row.lastMessageAt} timeZone={timeZone} className="text-xs text-slate-600" />
                      <span className="text-xs text-slate-600">· {row.agentName}</span>
                      <StageBadge stage={row.furthestStage} />
                      <SessionStatusBadge status={row.status} />
                      {row._id === sessionId ? <span className="text-xs font-medium text-brand-800">{t("current")}</span> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          </CardBody>
        )}
      </div>
    </Card>
  );
}

type Contact = { _id: Id<"contacts">; name: string | null; notes: string };

function ContactForm({ orgId, contact }: { orgId: string; contact: Contact }) {
  const t = useTranslations("inboxTools.contact");
  const errorMessage = useErrorMessage();
  const update = useMutation(api.contacts.update);
  const ids = { name: useId(), notes: useId(), hint: useId() };
  const [name, setName] = useState(contact.name ?? "");
  const [notes, setNotes] = useState(contact.notes);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);
  const changed = name.trim() !== (contact.name ?? "") || notes.trim() !== contact.notes;

  async function save() {
    setState("saving");
    setError(null);
    try {
      await update({ orgId, contactId: contact._id, name, notes });
      setState("saved");
    } catch (caught) {
      setState("idle");
      setError(toAppErrorData(caught).code === "INVALID_ARGUMENT" ? t("invalid", { max: MAX_NOTES }) : errorMessage(caught));
    }
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div>
        <label htmlFor={ids.name} className="font-medium text-slate-800">
          {t("name")}
        </label>
        <input id={ids.name} className={inputClasses} value={name} maxLength={100} placeholder={t("namePlaceholder")} onChange={(event) => (setName(event.target.value), setState("idle"))} />
      </div>
      <div>
        <label htmlFor={ids.notes} className="font-medium text-slate-800">
          {t("notes")}
        </label>
        <textarea
          id={ids.notes}
          className={`${inputClasses} resize-y`}
          rows={3}
          value={notes}
          maxLength={MAX_NOTES}
          placeholder={t("notesPlaceholder")}
          aria-describedby={ids.hint}
          onChange={(event) => (setNotes(event.target.value), setState("idle"))}
        />
        <p id={ids.hint} className="mt-1 text-xs text-slate-600">
          {t("notesHint", { max: MAX_NOTES })}
        </p>
      </div>
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={!changed || state === "saving"}>
          {state === "saving" ? t("saving") : t("save")}
        </Button>
        {state === "saved" && !changed ? (
          <p role="status" className="text-xs text-emerald-800">
            {t("saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}

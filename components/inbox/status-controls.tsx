"use client";

import { useMutation, useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { SessionItem } from "@/components/conversations/types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import { SnoozeDialog } from "./snooze-dialog";

type StatusControlsProps = { orgId: string; session: SessionItem; onError: (message: string | null) => void };

/**
 * Resolve (confirmed when the customer wrote last: they may be waiting for an answer), snooze,
 * mark pending, reopen: the ones that change something for the conversation's current status.
 */
export function StatusControls({ orgId, session, onError }: StatusControlsProps) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const org = useQuery(api.organizations.current, { orgId });
  const resolve = useMutation(api.triage.resolve);
  const reopen = useMutation(api.triage.reopen);
  const markPending = useMutation(api.triage.markPending);
  const snooze = useMutation(api.triage.snooze);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<"resolve" | "snooze" | null>(null);
  const sessionId = session._id;

  async function run(change: () => Promise<null>) {
    setBusy(true);
    onError(null);
    try {
      await change();
      setDialog(null);
    } catch (caught) {
      onError(errorMessage(caught));
      setDialog(null);
    } finally {
      setBusy(false);
    }
  }

  const customerSpokeLast = session.lastMessageDirection === "in";
  const { status } = session;
  return (
    <div className="space-y-1">
      <div role="group" aria-label={t("actions.label")} className="flex flex-wrap gap-2">
        {status !== "resolved" ? (
          <Button
            size="sm"
            className="sm:h-10 sm:px-4"
            disabled={busy}
            onClick={() => (customerSpokeLast ? setDialog("resolve") : void run(() => resolve({ orgId, sessionId })))}
          >
            {t("actions.resolve")}
          </Button>
        ) : null}
        {status === "open" || status === "pending" ? (
          <Button variant="secondary" size="sm" className="sm:h-10 sm:px-4" disabled={busy || org === undefined} onClick={() => setDialog("snooze")}>
            {t("actions.snooze")}
          </Button>
        ) : null}
        {status === "open" ? (
          <Button variant="secondary" size="sm" className="sm:h-10 sm:px-4" disabled={busy} onClick={() => void run(() => markPending({ orgId, sessionId }))}>
            {t("actions.pending")}
          </Button>
        ) : null}
        {status !== "open" ? (
          <Button variant="secondary" size="sm" className="sm:h-10 sm:px-4" disabled={busy} onClick={() => void run(() => reopen({ orgId, sessionId }))}>
            {t("actions.reopen")}
          </Button>
        ) : null}
      </div>
      {status === "snoozed" ? (
        <p className="text-xs text-slate-600">
          {session.snoozedUntil === null
            ? t("snooze.untilReply")
            : t("snooze.until", {
                time: format.dateTime(session.snoozedUntil, { dateStyle: "medium", timeStyle: "short", timeZone: org?.timezone }),
              })}
        </p>
      ) : null}
      <Dialog
        open={dialog === "resolve"}
        title={t("resolveConfirm.title")}
        description={t("resolveConfirm.body")}
        onClose={() => setDialog(null)}
        dismissible={!busy}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDialog(null)} disabled={busy}>
              {t("resolveConfirm.cancel")}
            </Button>
            <Button onClick={() => void run(() => resolve({ orgId, sessionId }))} disabled={busy}>
              {t("resolveConfirm.confirm")}
            </Button>
          </>
        }
      />
      {org ? (
        <SnoozeDialog
          open={dialog === "snooze"}
          timeZone={org.timezone}
          pending={busy}
          onClose={() => setDialog(null)}
          onSnooze={(until) => void run(() => snooze({ orgId, sessionId, ...(until === undefined ? {} : { until }) }))}
        />
      ) : null}
    </div>
  );
}

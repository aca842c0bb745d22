"use client";

import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { InlineError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { SessionItem } from "./types";

type BotMode = "attention" | "waiting" | "optedOut" | "paused" | "active";

const MODE_STYLES: Record<BotMode, string> = {
  attention: "bg-rose-50 text-rose-900 ring-rose-200",
  waiting: "bg-rose-50 text-rose-900 ring-rose-200",
  optedOut: "bg-slate-100 text-slate-900 ring-slate-300",
  paused: "bg-amber-50 text-amber-900 ring-amber-200",
  active: "bg-emerald-50 text-emerald-900 ring-emerald-200",
};

function modeOf(session: SessionItem): BotMode {
  if (session.needsAttention) return "attention";
  if (session.waitingSince !== null) return "waiting";
  if (session.contactOptedOut) return "optedOut";
  return session.botPaused ? "paused" : "active";
}

/** Whether the bot is answering this conversation, and the button to take over or hand back. */
export function BotState({ orgId, session }: { orgId: string; session: SessionItem }) {
  const t = useTranslations("conversations.bot");
  const errorMessage = useErrorMessage();
  const pause = useMutation(api.sessions.pauseBot);
  const resume = useMutation(api.sessions.resumeBot);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mode = modeOf(session);
  // Handing back to the bot (resume) clears a failure flag and the waiting queue; otherwise a person takes over.
  const resumes = session.botPaused || session.needsAttention || session.waitingSince !== null;

  async function toggle() {
    setPending(true);
    setError(null);
    try {
      await (resumes ? resume : pause)({ orgId, sessionId: session._id });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-3">
        <div role="status" className={cx("rounded-md px-3 py-2 text-sm ring-1 ring-inset", MODE_STYLES[mode])}>
          <p className="font-medium">{t(`${mode}.title`)}</p>
          <p className="mt-0.5">{t(`${mode}.body`)}</p>
        </div>
        {session.handoffSuggested ? (
          <div className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-inset ring-sky-200">
            <p className="font-medium">{t("handoff.title")}</p>
            <p className="mt-0.5">{t("handoff.body")}</p>
          </div>
        ) : null}
        <Button variant={resumes ? "primary" : "secondary"} onClick={() => void toggle()} disabled={pending}>
          {pending ? <Spinner className="size-4" /> : null}
          {resumes ? t(`${mode === "optedOut" || mode === "active" ? "paused" : mode}.action`) : t("active.action")}
        </Button>
        {error ? <InlineError>{error}</InlineError> : null}
      </CardBody>
    </Card>
  );
}

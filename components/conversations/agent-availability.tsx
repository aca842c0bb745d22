"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { inputClasses } from "@/components/ui/field";
import { orgPath } from "@/lib/auth/routes";
import type { SessionItem } from "./types";

/** Why the agent's number cannot send in this conversation now; null when it can. */
export type AgentUnavailability = "removed" | "disconnected";

export function agentUnavailability(session: Pick<SessionItem, "agentDeleted" | "agentStatus">): AgentUnavailability | null {
  if (session.agentDeleted) return "removed";
  return session.agentStatus === "open" ? null : "disconnected";
}

/** Above the thread: the number was removed (read only) or is disconnected (with the way to reconnect it). */
export function AgentUnavailableBanner({ orgId, session }: { orgId: string; session: SessionItem }) {
  const t = useTranslations("conversations.agentUnavailable");
  const reason = agentUnavailability(session);
  if (reason === null) return null;
  const tone = reason === "removed" ? "bg-slate-100 text-slate-800 ring-slate-300" : "bg-amber-50 text-amber-950 ring-amber-300";
  return (
    <div role="status" className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-md px-4 py-3 text-sm ring-1 ring-inset ${tone}`}>
      <div className="min-w-0">
        <p className="font-medium">{t(`${reason}.title`, { agent: session.agentName })}</p>
        <p className="mt-0.5">{t(`${reason}.body`, { agent: session.agentName })}</p>
      </div>
      {reason === "disconnected" ? (
        <Link
          href={orgPath(orgId, `/agents/${session.agentId}`)}
          className="shrink-0 font-medium text-amber-950 underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t("disconnected.link", { agent: session.agentName })}
        </Link>
      ) : null}
    </div>
  );
}

/** In place of the composer while the number cannot send: visibly disabled, with the reason in words. */
export function ComposerGate({ session, children }: { session: SessionItem; children: ReactNode }) {
  const t = useTranslations("conversations.agentUnavailable");
  const reasonId = useId();
  const reason = agentUnavailability(session);
  if (reason === null) return children;
  return (
    <div className="space-y-2 rounded-b-lg border-t border-slate-200 bg-white px-4 py-3">
      <label className="sr-only" htmlFor={`${reasonId}-input`}>
        {t("composerLabel")}
      </label>
      <textarea
        id={`${reasonId}-input`}
        disabled
        rows={2}
        aria-describedby={reasonId}
        className={`${inputClasses} resize-none disabled:cursor-not-allowed disabled:border-slate-200 disabled:bg-slate-100`}
      />
      <p id={reasonId} className="text-sm text-slate-700">
        {t(`${reason}.composer`)}
      </p>
    </div>
  );
}

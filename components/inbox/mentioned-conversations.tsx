"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ConversationRow } from "@/components/conversations/conversation-row";
import { api } from "@/convex/_generated/api";

/** Atop Mine: conversations whose notes name me, until I open them (opening marks the mention seen). */
export function MentionedConversations({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const t = useTranslations("inbox.mentions");
  const mentioned = useQuery(api.inbox.myMentions, { orgId });
  const titleId = useId();
  if (mentioned === undefined || mentioned.length === 0) return null;
  return (
    <section aria-labelledby={titleId} className="border-b border-slate-200 bg-amber-50/40">
      <div className="px-4 pt-3 sm:px-5">
        <h3 id={titleId} className="text-sm font-semibold text-slate-900">
          {t("title")}
        </h3>
        <p className="text-xs text-slate-600">{t("description")}</p>
      </div>
      <ul className="divide-y divide-slate-100">
        {mentioned.map((session) => (
          <ConversationRow key={session._id} orgId={orgId} session={session} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";
import type { AgentView } from "@/components/agents/types";
import { runConversation } from "@/lib/spin/conversation";

type Draft = { persona: string; product: string; priceAnswer: string };

/** The chat bubbles of the test: the customer's words on the left, the business's answer on the right. */
export function ChatPair({ customer, reply }: { customer: string; reply: ReactNode }) {
  const t = useTranslations("onboarding.test");
  return (
    <ol className="space-y-2 rounded-md bg-slate-50 p-3 text-sm">
      <li className="mr-8 w-fit max-w-full rounded-lg bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-200">
        <span className="block text-xs font-medium text-slate-600">{t("customer")}</span>
        {customer}
      </li>
      <li className="ml-auto w-fit max-w-[calc(100%-2rem)] rounded-lg bg-emerald-50 px-3 py-2 text-slate-900 ring-1 ring-emerald-200">
        <span className="block text-xs font-medium text-emerald-800">{t("bot")}</span>
        <span className="whitespace-pre-wrap">{reply}</span>
      </li>
    </ol>
  );
}

/**
 * What the bot would answer the test message with this draft, computed here by the same rules
 * engine the bot runs (lib/spin), so it changes as the admin types.
 */
export function BotPreview({ agent, draft }: { agent: AgentView; draft: Draft }) {
  const t = useTranslations("onboarding");
  const message = t("test.message");
  const reply = useMemo(() => {
    const knowledge = { ...agent.knowledge, persona: draft.persona, productName: draft.product, priceAnswer: draft.priceAnswer };
    const language = agent.language === "auto" ? undefined : agent.language;
    const [step] = runConversation([message], { persona: draft.persona, product: draft.product, knowledge, language });
    return step?.reply ?? null;
  }, [agent.knowledge, agent.language, draft.persona, draft.product, draft.priceAnswer, message]);

  return (
    <div aria-labelledby="bot-preview-title" role="group" className="space-y-2">
      <p id="bot-preview-title" className="text-sm font-medium text-slate-800">
        {t("bot.previewTitle")}
      </p>
      <p className="text-xs text-slate-600">{t("bot.previewHint")}</p>
      <ChatPair customer={message} reply={reply ?? <span className="text-slate-600">{t("bot.previewSilent")}</span>} />
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { MessageView } from "@/components/conversations/types";

/**
 * The first customer message after my read mark (oldest → newest list); null when I had read them
 * all, or never opened the conversation (everything is new: a divider would say nothing).
 */
export function firstUnreadId(messages: MessageView[], readSeq: number | undefined) {
  if (readSeq === undefined || readSeq === 0) return null;
  const first = messages.find((message) => message.inboundSeq !== null && message.inboundSeq > readSeq);
  return first?._id ?? null;
}

/**
 * My read mark as it was when I opened the thread: opening marks everything read at once, and the
 * divider must still show what was new to me.
 */
export function useReadMarkAtOpen(readSeq: number | undefined): number | undefined {
  const [mark, setMark] = useState<number | undefined>(undefined);
  if (mark === undefined && readSeq !== undefined) setMark(readSeq);
  return mark ?? readSeq;
}

export function NewMessagesDivider() {
  const t = useTranslations("inbox");
  return (
    <li className="flex items-center gap-3 py-1 text-xs font-semibold text-brand-800">
      <span className="h-px flex-1 bg-brand-200" aria-hidden="true" />
      <span>{t("newDivider")}</span>
      <span className="h-px flex-1 bg-brand-200" aria-hidden="true" />
    </li>
  );
}

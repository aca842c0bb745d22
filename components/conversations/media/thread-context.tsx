"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { Id } from "@/convex/_generated/dataModel";
import type { MessageView } from "../types";
import { useAttachment, type Attachment } from "./use-attachment";

/**
 * What the thread and the composer share: the message being replied to, the file being attached
 * (dropped on the thread, pasted or picked in the composer), and a jump to a quoted message.
 */
type ThreadActions = {
  orgId: string;
  quote: MessageView | null;
  setQuote: (message: MessageView | null) => void;
  jumpTo: (messageId: Id<"messages">) => boolean;
  attachment: Attachment;
};

const ThreadContext = createContext<ThreadActions | null>(null);

export const messageAnchorId = (messageId: string) => `message-${messageId}`;

/** Scrolls to a message on the page and flashes it; false when it is not loaded. */
export function jumpToMessage(messageId: Id<"messages">): boolean {
  const element = document.getElementById(messageAnchorId(messageId));
  if (element === null) return false;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({
    block: "center",
    behavior: reduceMotion ? "auto" : "smooth",
  });
  element.dataset.highlighted = "true";
  window.setTimeout(() => delete element.dataset.highlighted, 2000);
  return true;
}

export function ThreadProvider({ orgId, children }: { orgId: string; children: ReactNode }) {
  const [quote, setQuote] = useState<MessageView | null>(null);
  const attachment = useAttachment(orgId);
  const jumpTo = useCallback((messageId: Id<"messages">) => jumpToMessage(messageId), []);
  const value = useMemo(() => ({ orgId, quote, setQuote, jumpTo, attachment }), [orgId, quote, jumpTo, attachment]);
  return <ThreadContext.Provider value={value}>{children}</ThreadContext.Provider>;
}

/** Null outside a ThreadProvider (e.g. a bubble rendered on its own): actions are then hidden. */
export function useThreadActions(): ThreadActions | null {
  return useContext(ThreadContext);
}

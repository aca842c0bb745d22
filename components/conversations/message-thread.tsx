"use client";

import { usePaginatedQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Fragment, useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingState, Spinner } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { firstUnreadId, NewMessagesDivider } from "@/components/inbox/new-messages-divider";
import { jumpToMessage } from "./media/thread-context";
import { MessageBubble } from "./message-bubble";

const PAGE_SIZE = 30;
// A search result older than this many pages is not hunted for: the thread stays at its newest.
const MAX_PAGES_TO_FIND = 10;

type MessageThreadProps = {
  orgId: string;
  sessionId: Id<"sessions">;
  customerLabel: string;
  timeZone: string;
  /** The viewer's read mark when they opened the thread: a "new" divider goes before later customer messages. */
  newAfterSeq?: number;
};

/** Pages arrive newest first; the thread reads oldest → newest with older pages loaded at the top. */
export function MessageThread({ orgId, sessionId, customerLabel, timeZone, newAfterSeq }: MessageThreadProps) {
  const t = useTranslations("conversations.thread");
  const format = useFormatter();
  const scroller = useRef<HTMLDivElement>(null);
  const { results, status, loadMore } = usePaginatedQuery(
    api.messages.list,
    { orgId, sessionId },
    { initialNumItems: PAGE_SIZE },
  );
  const messages = useMemo(() => [...results].reverse(), [results]);
  const days = messages.map((message) => format.dateTime(message.sentAt, { dateStyle: "full", timeZone }));
  const newestId = results[0]?._id;
  // Quoted blocks name who wrote the quoted message when it is loaded here.
  const authors = useMemo(
    () => new Map(messages.map((m) => [m._id as string, m.author === "customer" ? customerLabel : t(`author.${m.author}`)])),
    [messages, customerLabel, t],
  );
  const firstNewId = firstUnreadId(messages, newAfterSeq);

  // Follow the conversation: jump to the bottom when a newer message arrives (not when older ones load).
  useEffect(() => {
    const element = scroller.current;
    if (element !== null && newestId !== undefined) element.scrollTop = element.scrollHeight;
  }, [newestId]);

  // Opened from a search result (`?message=<id>`): older pages load until the message is on the page, then it is shown.
  const wanted = useSearchParams().get("message");
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (wanted === null || shown.current === wanted || status === "LoadingFirstPage" || status === "LoadingMore") return;
    if (jumpToMessage(wanted as Id<"messages">)) shown.current = wanted;
    else if (status === "CanLoadMore" && results.length < PAGE_SIZE * MAX_PAGES_TO_FIND) loadMore(PAGE_SIZE);
  }, [wanted, status, results.length, loadMore]);

  if (status === "LoadingFirstPage") return <LoadingState label={t("loading")} />;
  if (messages.length === 0) return <EmptyState title={t("empty")} body={t("emptyBody")} />;

  return (
    <div
      ref={scroller}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      aria-label={t("label")}
      tabIndex={0}
      className="h-[max(12rem,calc(100dvh-30rem))] overflow-y-auto sm:h-[min(60vh,36rem)] rounded-t-lg bg-slate-50 px-3 py-4 sm:px-4"
    >
      <div className="mb-3 flex justify-center">
        {status === "CanLoadMore" ? (
          <Button variant="secondary" size="sm" onClick={() => loadMore(PAGE_SIZE)}>
            {t("loadEarlier")}
          </Button>
        ) : status === "LoadingMore" ? (
          <p role="status" className="flex items-center gap-2 text-xs text-slate-600">
            <Spinner className="size-4" />
            {t("loadingEarlier")}
          </p>
        ) : (
          <p className="text-xs text-slate-600">{t("start")}</p>
        )}
      </div>
      <ol className="space-y-2">
        {messages.map((message, index) => {
          const day = days[index];
          return (
            <Fragment key={message._id}>
              {day !== days[index - 1] ? (
                <li className="py-2 text-center text-xs font-medium text-slate-600">
                  {day}
                </li>
              ) : null}
              {message._id === firstNewId ? <NewMessagesDivider /> : null}
              <MessageBubble
                message={message}
                customerLabel={customerLabel}
                timeZone={timeZone}
                quotedAuthor={message.quoted?.messageId ? (authors.get(message.quoted.messageId) ?? null) : null}
              />
            </Fragment>
          );
        })}
      </ol>
    </div>
  );
}

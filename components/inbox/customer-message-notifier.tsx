"use client";

import { usePaginatedQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { contactLabel } from "@/components/conversations/contact";
import type { SessionItem } from "@/components/conversations/types";
import { api } from "@/convex/_generated/api";
import { beep, useNotifySetting } from "./notify-setting";

const WATCHED = 20;

/**
 * When I opted in: a browser notification and a beep when a customer writes in a conversation of
 * my Mine or Waiting view. Subscribes to nothing while off. Renders nothing.
 */
export function CustomerMessageNotifier({ orgId }: { orgId: string }) {
  const on = useNotifySetting();
  const mine = usePaginatedQuery(api.inbox.list, on ? { orgId, view: "mine" } : "skip", { initialNumItems: WATCHED });
  const waiting = usePaginatedQuery(api.inbox.list, on ? { orgId, view: "waiting" } : "skip", { initialNumItems: WATCHED });
  useNotifyOnNewCustomerMessages(on, [...mine.results, ...waiting.results], mine.status !== "LoadingFirstPage" && waiting.status !== "LoadingFirstPage");
  return null;
}

function useNotifyOnNewCustomerMessages(on: boolean, sessions: SessionItem[], loaded: boolean) {
  const t = useTranslations("inbox.notifications");
  // Last customer-message time seen per conversation; the first load is the baseline, not news.
  const seen = useRef<Map<string, number> | null>(null);
  useEffect(() => {
    if (!on || !loaded) {
      if (!on) seen.current = null;
      return;
    }
    const baseline = seen.current === null;
    const known = seen.current ?? new Map<string, number>();
    for (const session of sessions) {
      const previous = known.get(session._id);
      const fromCustomer = session.lastMessageDirection === "in";
      if (!baseline && fromCustomer && (previous === undefined || session.lastMessageAt > previous)) notify(session);
      known.set(session._id, session.lastMessageAt);
    }
    seen.current = known;

    function notify(session: SessionItem) {
      beep();
      if (Notification.permission !== "granted") return;
      const name = contactLabel(session);
      new Notification(name ? t("title", { name }) : t("fallbackTitle"), { body: session.lastMessagePreview ?? "", tag: session._id });
    }
  }, [on, loaded, sessions, t]);
}

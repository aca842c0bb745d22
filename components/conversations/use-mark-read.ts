"use client";

import { useMutation } from "convex/react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

/** True while the tab is in front: unread messages only count as read when someone can see them. */
function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === "visible",
    () => false,
  );
}

/**
 * Marks the conversation read for me (only me: read state is per member) when it opens, which also
 * marks my mentions in it seen, and again whenever new inbound messages raise my (live) unread
 * count while it is on screen.
 */
export function useMarkRead(orgId: string, sessionId: Id<"sessions">, unreadCount: number | undefined) {
  const markRead = useMutation(api.sessions.markRead);
  const visible = usePageVisible();
  const openedFor = useRef<Id<"sessions"> | null>(null);
  useEffect(() => {
    if (!visible || unreadCount === undefined) return;
    if (unreadCount === 0 && openedFor.current === sessionId) return;
    openedFor.current = sessionId;
    // Best effort: a failure only leaves the unread badge up until the next message or visit.
    markRead({ orgId, sessionId }).catch(() => undefined);
  }, [markRead, orgId, sessionId, unreadCount, visible]);
}

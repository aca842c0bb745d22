"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { matchQuickReplies, renderQuickReply } from "@/lib/inbox/quick-replies";
import { searchTextOf } from "@/lib/inbox/search-text";
import { optionId, SuggestionList, type Suggestion } from "./suggestion-list";

export type ComposerMode = "reply" | "note";

type Member = { userId: Id<"users">; name: string };
type Trigger = { kind: "quickReply"; query: string } | { kind: "mention"; query: string; start: number; end: number };

const MENTION_BEFORE_CARET = /(^|\s)@([\p{L}\p{N}._-]*)$/u;

/** What the caret is in: "/word" at the very start of a reply, or "@word" in a note. */
function triggerAt(mode: ComposerMode, text: string, caret: number): Trigger | null {
  if (mode === "reply") {
    const match = /^\/(\S*)$/.exec(text);
    return match ? { kind: "quickReply", query: match[1] ?? "" } : null;
  }
  const match = MENTION_BEFORE_CARET.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? "";
  return { kind: "mention", query, start: caret - query.length - 1, end: caret };
}

function membersMatching(members: Member[], query: string): Member[] {
  const wanted = searchTextOf(query);
  return members.filter((member) => wanted === "" || searchTextOf(member.name).split(" ").some((word) => word.startsWith(wanted)));
}

type AssistOptions = { orgId: string; sessionId: Id<"sessions">; mode: ComposerMode; text: string; setText: (text: string) => void };

/**
 * The composer's two popups: "/" lists quick replies (rendered with the conversation's variables on
 * insertion), "@" in a note lists teammates. Arrow keys move, Enter or Tab inserts, Escape closes.
 * Returns the props for the text box, the popup, its key handler and who the note mentions.
 */
export function useComposerAssist({ orgId, sessionId, mode, text, setText }: AssistOptions) {
  const t = useTranslations("inboxTools");
  const listId = useId();
  const quickReplies = useQuery(api.quickReplies.list, { orgId });
  const members = useQuery(api.organizations.members, mode === "note" ? { orgId } : "skip");
  const session = useQuery(api.sessions.get, { orgId, sessionId });
  const viewer = useQuery(api.viewer.get, {});
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [mentioned, setMentioned] = useState<Member[]>([]);

  const trigger = dismissed === text ? null : triggerAt(mode, text, caret);
  const replies = trigger?.kind === "quickReply" ? matchQuickReplies(quickReplies ?? [], trigger.query) : [];
  const people = trigger?.kind === "mention" ? membersMatching(members ?? [], trigger.query) : [];
  const options: Suggestion[] =
    trigger?.kind === "quickReply"
      ? replies.map((reply) => ({ key: reply._id, primary: `/${reply.shortcut}`, secondary: reply.text }))
      : people.map((member) => ({ key: member.userId, primary: member.name }));
  const open = trigger !== null && (trigger.kind === "mention" ? members !== undefined : quickReplies !== undefined);
  const current = Math.min(active, Math.max(options.length - 1, 0));

  function pick(index: number) {
    if (trigger?.kind === "quickReply") {
      const reply = replies[index];
      if (!reply) return;
      const context = { contactName: session?.contactName ?? null, agentName: session?.agentName ?? null, myName: viewer?.name ?? null };
      setText(renderQuickReply(reply.text, context));
    } else if (trigger?.kind === "mention") {
      const member = people[index];
      if (!member) return;
      setText(`${text.slice(0, trigger.start)}@${member.name} ${text.slice(trigger.end)}`);
      setCaret(trigger.start + member.name.length + 2);
      setMentioned((list) => (list.some((m) => m.userId === member.userId) ? list : [...list, member]));
    }
    setActive(0);
  }

  /** Handles the key when the popup is open; returns whether it did. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open) return false;
    if (event.key === "Escape") {
      setDismissed(text);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return false;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && options.length > 0) {
      pick(current);
    } else return false;
    event.preventDefault();
    return true;
  }

  const popup: ReactNode = open ? (
    <SuggestionList
      id={listId}
      label={trigger.kind === "quickReply" ? t("quickReplies.label") : t("mentions.label")}
      options={options}
      active={current}
      empty={
        trigger.kind === "mention"
          ? t("mentions.none", { query: trigger.query })
          : (quickReplies ?? []).length === 0
            ? t("quickReplies.empty")
            : t("quickReplies.none", { query: trigger.query })
      }
      hint={t("quickReplies.hint")}
      onPick={pick}
    />
  ) : null;

  const inputProps = {
    "aria-autocomplete": "list" as const,
    "aria-controls": open && options.length > 0 ? listId : undefined,
    "aria-activedescendant": open && options.length > 0 ? optionId(listId, current) : undefined,
    onSelect: (event: { currentTarget: HTMLTextAreaElement }) => setCaret(event.currentTarget.selectionStart),
  };

  /** Mentions still named in the text when the note is saved. */
  const mentionedUserIds = () => mentioned.filter((member) => text.includes(`@${member.name}`)).map((member) => member.userId);
  const reset = () => {
    setMentioned([]);
    setDismissed(null);
  };
  return { popup, onKeyDown, inputProps, mentionedUserIds, reset, setCaret };
}

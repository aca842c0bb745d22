"use client";

import { useTranslations } from "next-intl";
import type { MessageView } from "../types";
import { useThreadActions } from "./thread-context";

/** The message a bubble replies to: who wrote it and its first words; a click goes to it when loaded. */
export function QuotedBlock({ quoted, author }: { quoted: NonNullable<MessageView["quoted"]>; author: string | null }) {
  const t = useTranslations("conversations.whatsapp");
  const tKind = useTranslations("conversations.whatsapp.kind");
  const actions = useThreadActions();
  // The quoted words; a file without words by its kind ("📄 Document"); "not available" when unknown.
  const snippet = quoted.text ?? (quoted.kind !== null && quoted.kind !== "text" ? tKind(quoted.kind) : t("quotedUnavailable"));
  const body = (
    <>
      <span className="block text-xs font-medium text-brand-800">{author ?? t("quotedMessage")}</span>
      <span className="line-clamp-2 text-xs text-slate-700">{snippet}</span>
    </>
  );
  const className = "mb-1 block w-full rounded border-l-4 border-brand-600 bg-slate-900/5 px-2 py-1 text-left";
  if (quoted.messageId === null || actions === null) return <div className={className}>{body}</div>;
  const target = quoted.messageId;
  return (
    <button
      type="button"
      onClick={() => actions.jumpTo(target)}
      aria-label={t("quoteJump")}
      className={`${className} hover:bg-slate-900/10 focus-visible:outline-2 focus-visible:outline-brand-700`}
    >
      {body}
    </button>
  );
}

/** Reactions under the bubble, one chip per emoji with how many. */
export function Reactions({ reactions }: { reactions: MessageView["reactions"] }) {
  const t = useTranslations("conversations.whatsapp");
  if (reactions.length === 0) return null;
  return (
    <ul aria-label={t("reactions")} className="-mt-1 flex flex-wrap gap-1 px-2">
      {reactions.map((reaction, index) => (
        <li
          key={`${reaction.emoji}-${reaction.fromMe}-${index}`}
          className="rounded-full bg-white px-1.5 py-0.5 text-sm shadow-sm ring-1 ring-slate-200"
          aria-label={t(reaction.fromMe ? "reactionFromTeam" : "reactionFromCustomer", { emoji: reaction.emoji })}
        >
          {reaction.emoji}
        </li>
      ))}
    </ul>
  );
}

/** "edited", with the earlier wording behind a disclosure (kept for the audit). */
export function EditedMark({ previousTexts }: { previousTexts: string[] }) {
  const t = useTranslations("conversations.whatsapp");
  if (previousTexts.length === 0) return <span className="italic">{t("edited")}</span>;
  return (
    <details className="inline">
      <summary className="cursor-pointer italic underline decoration-dotted">{t("edited")}</summary>
      <div className="mt-1 rounded bg-white px-2 py-1 text-left text-slate-700 ring-1 ring-slate-200">
        <p className="font-medium">{t("previousVersions")}</p>
        <ol className="list-inside list-decimal">
          {previousTexts.map((text, index) => (
            <li key={index} className="whitespace-pre-wrap">
              {text}
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

/** Sets the composer's quote to this message. */
export function ReplyButton({ message }: { message: MessageView }) {
  const t = useTranslations("conversations.whatsapp");
  const actions = useThreadActions();
  if (actions === null || message.deleted) return null;
  return (
    <button
      type="button"
      onClick={() => actions.setQuote(message)}
      aria-label={t("replyTo")}
      className="rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-200 hover:text-slate-900 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-brand-700 sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100"
    >
      ↩ {t("reply")}
    </button>
  );
}

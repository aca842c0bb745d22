import { useTranslations } from "next-intl";
import type { MessageView } from "@/components/conversations/types";
import { cx } from "@/components/ui/cx";
import { Avatar } from "@/components/ui/avatar";

/** How each kind of author's bubble looks: the bot, a person, a private note. */
export const AUTHOR_BUBBLE_CLASSES: Record<MessageView["author"], string> = {
  customer: "bg-white text-slate-900 ring-1 ring-slate-200",
  bot: "bg-brand-50 text-slate-900 ring-1 ring-brand-100",
  human: "bg-sky-50 text-slate-900 ring-1 ring-sky-200",
  note: "bg-amber-50 text-amber-950 ring-1 ring-amber-300 border-l-4 border-amber-400",
};

/**
 * Who wrote a message: the customer; the bot under its persona; a member with avatar (initials when
 * no picture); "on the phone" for a message typed on the linked phone; a private note's label.
 */
export function MessageAuthor({ message, customerLabel }: { message: MessageView; customerLabel: string }) {
  const t = useTranslations("inboxTools.author");
  const base = "mb-0.5 flex items-center gap-1.5 text-xs font-medium";
  if (message.author === "customer") return <p className={cx(base, "text-slate-600")}>{customerLabel}</p>;
  if (message.author === "bot") {
    return (
      <p className={cx(base, "text-brand-800")}>
        <span aria-hidden="true" className="grid size-5 place-items-center rounded-full bg-brand-700 text-[0.625rem] font-bold text-white">
          AI
        </span>
        {message.authorName ? t("bot", { name: message.authorName }) : t("botUnnamed")}
      </p>
    );
  }
  const name = message.authorName;
  return (
    <p className={cx(base, message.author === "note" ? "text-amber-900" : "text-sky-900")}>
      {message.author === "note" ? <span className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold uppercase tracking-wide">{t("note")}</span> : null}
      {name ? <Avatar name={name} imageUrl={message.authorImageUrl} /> : null}
      <span>{name ?? (message.author === "note" ? t("formerMember") : t("onPhone"))}</span>
    </p>
  );
}

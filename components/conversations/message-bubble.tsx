import { useFormatter, useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { AUTHOR_BUBBLE_CLASSES, MessageAuthor } from "@/components/inbox-tools/message-author";
import { MessageText } from "./message-text";
import type { MessageView } from "./types";

const DELIVERY_CLASSES: Record<MessageView["delivery"], string> = {
  pending: "text-slate-600",
  sent: "text-slate-600",
  delivered: "text-slate-600",
  read: "text-brand-700",
  played: "text-brand-700",
  failed: "font-medium text-rose-700",
};

type MessageBubbleProps = { message: MessageView; customerLabel: string; timeZone: string };

/** Customer messages on the left; our replies (bot or a person) and private notes on the right, each with its author. */
export function MessageBubble({ message, customerLabel, timeZone }: MessageBubbleProps) {
  const t = useTranslations("conversations.thread");
  const format = useFormatter();
  const ours = message.author !== "customer";
  const note = message.author === "note";
  return (
    <li className={cx("flex", ours ? "justify-end" : "justify-start")}>
      <div
        className={cx(
          "max-w-[80%] rounded-lg px-3 py-2 text-sm shadow-sm",
          AUTHOR_BUBBLE_CLASSES[message.author],
          message.delivery === "failed" && "ring-rose-300",
        )}
      >
        <MessageAuthor message={message} customerLabel={customerLabel} />
        <p className="break-words whitespace-pre-wrap">
          <MessageText text={message.text} />
        </p>
        <p className="mt-1 flex justify-end gap-2 text-xs text-slate-600">
          <time dateTime={new Date(message.sentAt).toISOString()}>
            {format.dateTime(message.sentAt, { timeStyle: "short", timeZone })}
          </time>
          {ours && !note ? (
            <span className={DELIVERY_CLASSES[message.delivery]}>{t(`delivery.${message.delivery}`)}</span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
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

/** Customer messages on the left; our replies (bot or a person) on the right with author and delivery. */
export function MessageBubble({ message, customerLabel, timeZone }: MessageBubbleProps) {
  const t = useTranslations("conversations.thread");
  const format = useFormatter();
  const ours = message.author !== "customer";
  const author = ours ? t(`author.${message.author}`) : customerLabel;
  return (
    <li className={cx("flex", ours ? "justify-end" : "justify-start")}>
      <div
        className={cx(
          "max-w-[80%] rounded-lg px-3 py-2 text-sm shadow-sm",
          ours ? "bg-brand-50 text-slate-900 ring-1 ring-brand-100" : "bg-white text-slate-900 ring-1 ring-slate-200",
          message.delivery === "failed" && "ring-rose-300",
        )}
      >
        <p className="mb-0.5 text-xs font-medium text-slate-600">{author}</p>
        <p className="break-words whitespace-pre-wrap">
          <MessageText text={message.text} />
        </p>
        <p className="mt-1 flex justify-end gap-2 text-xs text-slate-600">
          <time dateTime={new Date(message.sentAt).toISOString()}>
            {format.dateTime(message.sentAt, { timeStyle: "short", timeZone })}
          </time>
          {ours ? (
            <span className={DELIVERY_CLASSES[message.delivery]}>{t(`delivery.${message.delivery}`)}</span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

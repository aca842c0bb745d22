import { useFormatter, useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { AUTHOR_BUBBLE_CLASSES, MessageAuthor } from "@/components/inbox-tools/message-author";
import { EditedMark, QuotedBlock, Reactions, ReplyButton } from "./media/bubble-extras";
import { DeliveryTicks } from "./media/delivery-ticks";
import { MessageContent } from "./media/message-content";
import { messageAnchorId } from "./media/thread-context";
import type { MessageView } from "./types";

type MessageBubbleProps = {
  message: MessageView;
  customerLabel: string;
  timeZone: string;
  /** Who wrote the message this one quotes, when it is loaded in the thread. */
  quotedAuthor?: string | null;
};

/** Customer messages on the left; our replies (bot or a person) on the right with author and delivery. */
export function MessageBubble({ message, customerLabel, timeZone, quotedAuthor = null }: MessageBubbleProps) {
  const t = useTranslations("conversations.thread");
  const format = useFormatter();
  const ours = message.author !== "customer";
  const note = message.author === "note";
  const author = ours ? (message.authorName ?? t(`author.${message.author}`)) : customerLabel;
  return (
    <li
      id={messageAnchorId(message._id)}
      className={cx("group flex flex-col gap-0.5 rounded-lg transition-colors data-[highlighted]:bg-amber-100", ours ? "items-end" : "items-start")}
    >
      <div
        className={cx(
          "max-w-[80%] rounded-lg px-3 py-2 text-sm shadow-sm",
          AUTHOR_BUBBLE_CLASSES[message.author],
          message.delivery === "failed" && "ring-rose-300",
        )}
      >
        <MessageAuthor message={message} customerLabel={customerLabel} />
        {message.quoted ? <QuotedBlock quoted={message.quoted} author={quotedAuthor} /> : null}
        <MessageContent message={message} authorLabel={author} />
        <div className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs text-slate-600">
          {message.editedAt !== null && !message.deleted ? <EditedMark previousTexts={message.previousTexts} /> : null}
          <time dateTime={new Date(message.sentAt).toISOString()}>
            {format.dateTime(message.sentAt, { timeStyle: "short", timeZone })}
          </time>
          {ours && !note ? <DeliveryTicks message={message} /> : null}
        </div>
      </div>
      <Reactions reactions={message.reactions} />
      {note ? null : <ReplyButton message={message} />}
    </li>
  );
}

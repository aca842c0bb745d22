import { useTranslations } from "next-intl";
import { MessageText } from "../message-text";
import type { MessageView } from "../types";
import { MediaAttachment } from "./media-attachment";
import { LocationCard, SharedContactCard } from "./shared-items";

/**
 * The body of a bubble by kind: a deleted message says so (its text never reaches the browser), a
 * file shows above its caption, a location and a contact card as themselves. Rows stored before
 * kinds existed are "text" and keep their "[image] caption" rendering (MessageText).
 */
export function MessageContent({ message, authorLabel }: { message: MessageView; authorLabel: string }) {
  const t = useTranslations("conversations.whatsapp");
  if (message.deleted) return <p className="text-slate-600 italic">{t("deleted")}</p>;
  const text = message.text ?? "";
  return (
    <>
      <MediaAttachment message={message} authorLabel={authorLabel} />
      {message.location ? <LocationCard location={message.location} /> : null}
      {message.sharedContact ? <SharedContactCard contact={message.sharedContact} /> : null}
      {text !== "" ? (
        <p className="break-words whitespace-pre-wrap">{message.kind === "text" ? <MessageText text={text} /> : text}</p>
      ) : null}
    </>
  );
}

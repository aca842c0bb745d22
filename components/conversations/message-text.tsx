import { useTranslations } from "next-intl";
import { parseMediaText } from "@/lib/whatsapp/media";

/** A message's text, with a media placeholder ("[image] caption") shown as its kind in the UI's language. */
export function MessageText({ text }: { text: string }) {
  const t = useTranslations("conversations.media");
  const media = parseMediaText(text);
  if (media === null) return <>{text}</>;
  return (
    <>
      <span className="font-medium italic">{t(media.kind)}</span>
      {media.caption === null ? null : ` ${media.caption}`}
    </>
  );
}

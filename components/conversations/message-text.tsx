import { useTranslations } from "next-intl";
import { parseMediaText } from "@/lib/whatsapp/media";

/**
 * A message's text, with a media placeholder ("[image] caption", rows stored before message kinds)
 * shown as its kind in the UI's language ("📷 Foto").
 */
export function MessageText({ text }: { text: string }) {
  const t = useTranslations("conversations.whatsapp.kind");
  const media = parseMediaText(text);
  if (media === null) return <>{text}</>;
  return (
    <>
      <span className="font-medium italic">{t(media.kind)}</span>
      {media.caption === null ? null : ` ${media.caption}`}
    </>
  );
}

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

type PreviewKind = "image" | "video" | "audio" | "document" | "sticker" | "location" | "contact";

/** The conversation list's preview: a file's kind in the UI's language, then its caption (or the text). */
export function MessagePreview({ text, kind }: { text: string; kind: PreviewKind | "text" | null }) {
  const t = useTranslations("conversations.whatsapp.kind");
  if (kind === null || kind === "text") return <MessageText text={text} />;
  return (
    <>
      <span className="font-medium italic">{t(kind)}</span>
      {text.trim() === "" ? null : ` ${text}`}
    </>
  );
}

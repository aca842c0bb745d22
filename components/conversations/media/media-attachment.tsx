"use client";

import { useMutation, useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/convex/_generated/api";
import type { MessageView } from "../types";
import { formatBytes, formatDuration } from "./format";
import { DocumentIcon, DownloadIcon, MicIcon } from "./icons";
import { ImageViewer } from "./image-viewer";
import { useThreadActions } from "./thread-context";

type Media = NonNullable<MessageView["media"]>;
type MediaKind = "image" | "video" | "audio" | "document" | "sticker";

const isMediaKind = (kind: MessageView["kind"]): kind is MediaKind =>
  kind === "image" || kind === "video" || kind === "audio" || kind === "document" || kind === "sticker";

/** A message's file: loading, could not load (with Retry), or shown as its kind. */
export function MediaAttachment({ message, authorLabel }: { message: MessageView; authorLabel: string }) {
  const media = message.media;
  if (media === null || !isMediaKind(message.kind)) return null;
  if (media.state === "pending") return <MediaLoading kind={message.kind} />;
  if (media.state === "failed") return <MediaFailed message={message} />;
  return <ReadyMedia message={message} media={media} kind={message.kind} authorLabel={authorLabel} />;
}

function MediaLoading({ kind }: { kind: MediaKind }) {
  const t = useTranslations("conversations.whatsapp");
  return (
    <div
      role="status"
      className="mb-1 flex h-24 w-56 max-w-full animate-pulse items-center justify-center rounded-md bg-slate-200 text-xs text-slate-700 motion-reduce:animate-none"
    >
      {t(`loading.${kind}`)}
    </div>
  );
}

function MediaFailed({ message }: { message: MessageView }) {
  const t = useTranslations("conversations.whatsapp");
  const actions = useThreadActions();
  const retry = useMutation(api.media.retry);
  const [busy, setBusy] = useState(false);
  return (
    <div className="mb-1 flex flex-wrap items-center gap-2 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-800 ring-1 ring-slate-300">
      <span>{t("failed")}</span>
      {actions ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void retry({
              orgId: actions.orgId,
              messageId: message._id,
            }).finally(() => setBusy(false));
          }}
        >
          {busy ? t("retrying") : t("retry")}
        </Button>
      ) : null}
    </div>
  );
}

function ReadyMedia({ message, media, kind, authorLabel }: { message: MessageView; media: Media; kind: MediaKind; authorLabel: string }) {
  const actions = useThreadActions();
  const url = useQuery(api.media.fileUrl, actions ? { orgId: actions.orgId, messageId: message._id } : "skip");
  if (url === undefined) return <MediaLoading kind={kind} />;
  if (url === null) return null;
  switch (kind) {
    case "image":
      return <ImageThumbnail url={url} alt={authorLabel} />;
    case "sticker":
      return <Sticker url={url} />;
    case "audio":
      return <AudioPlayer url={url} media={media} />;
    case "video":
      return <video controls preload="metadata" src={url} className="mb-1 max-h-80 w-72 max-w-full rounded-md bg-black" />;
    case "document":
      return <DocumentChip url={url} media={media} />;
  }
}

function ImageThumbnail({ url, alt }: { url: string; alt: string }) {
  const t = useTranslations("conversations.whatsapp");
  const [open, setOpen] = useState(false);
  const label = t("imageAlt", { author: alt });
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t("openImage")}
        className="mb-1 block aspect-[4/3] w-64 max-w-full overflow-hidden rounded-md bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a signed Convex file URL, not an optimisable asset */}
        <img src={url} alt={label} loading="lazy" className="size-full object-cover" />
      </button>
      <ImageViewer url={url} alt={label} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function Sticker({ url }: { url: string }) {
  const t = useTranslations("conversations.whatsapp");
  // eslint-disable-next-line @next/next/no-img-element -- a signed Convex file URL, not an optimisable asset
  return <img src={url} alt={t("stickerAlt")} loading="lazy" className="mb-1 size-32 object-contain" />;
}

function AudioPlayer({ url, media }: { url: string; media: Media }) {
  const t = useTranslations("conversations.whatsapp");
  const label = media.voiceNote ? t("voiceNote") : t("audioFile");
  return (
    <figure className="mb-1 w-72 max-w-full rounded-md bg-white/70 p-2 ring-1 ring-slate-200">
      <figcaption className="mb-1 flex items-center justify-between gap-2 text-xs font-medium text-slate-700">
        <span className="inline-flex items-center gap-1">
          <MicIcon />
          {label}
        </span>
        {media.durationSec !== null ? <span className="tabular-nums text-slate-600">{formatDuration(media.durationSec)}</span> : null}
      </figcaption>
      <audio controls preload="metadata" src={url} aria-label={label} className="h-10 w-full" />
    </figure>
  );
}

function DocumentChip({ url, media }: { url: string; media: Media }) {
  const t = useTranslations("conversations.whatsapp");
  const format = useFormatter();
  const name = media.fileName ?? t("unnamedDocument");
  return (
    <a
      href={url}
      download={name}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t("download", { name })}
      className="mb-1 flex w-72 max-w-full items-center gap-3 rounded-md bg-white px-3 py-2 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700"
    >
      <DocumentIcon className="size-7 shrink-0 text-slate-600" />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-slate-900">{name}</span>
        <span className="block text-xs text-slate-600">
          {[fileTypeLabel(name, media.mimeType), media.size !== null ? formatBytes(format, media.size) : null].filter(Boolean).join(" · ")}
        </span>
      </span>
      <DownloadIcon className="size-4 shrink-0 text-slate-600" />
    </a>
  );
}

/** "PDF", "DOCX": the name's extension, else a short subtype ("pdf" of application/pdf). */
function fileTypeLabel(name: string, mimeType: string | null): string | null {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  if (extension !== undefined) return extension.toUpperCase();
  const subtype = mimeType?.split("/")[1];
  return subtype !== undefined && subtype.length <= 5 ? subtype.toUpperCase() : null;
}

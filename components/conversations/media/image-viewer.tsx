"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

type ImageViewerProps = {
  url: string;
  alt: string;
  open: boolean;
  onClose: () => void;
};

/**
 * A photo at full size on the native modal <dialog>: the page behind is inert (focus stays inside),
 * Escape closes it, and focus returns to the thumbnail that opened it.
 */
export function ImageViewer({ url, alt, open, onClose }: ImageViewerProps) {
  const t = useTranslations("conversations.whatsapp");
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-label={alt}
      onClose={() => {
        if (open) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, outside the picture) closes it.
        if (event.target === ref.current) onClose();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] max-w-[calc(100vw-2rem)] rounded-lg bg-slate-950 p-0 text-white shadow-xl backdrop:bg-slate-950/80"
    >
      {open ? (
        <div className="flex flex-col items-end gap-2 p-2">
          <Button variant="secondary" size="sm" onClick={onClose} autoFocus>
            {t("close")}
          </Button>
          {/* eslint-disable-next-line @next/next/no-img-element -- a signed Convex file URL, not an optimisable asset */}
          <img src={url} alt={alt} className="max-h-[calc(100dvh-6rem)] max-w-full object-contain" />
        </div>
      ) : null}
    </dialog>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState, type DragEvent, type ReactNode } from "react";
import { useThreadActions } from "./thread-context";

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

/** Dropping a file on the thread attaches it to the reply (the composer shows it and its upload). */
export function ThreadDropZone({ disabled, children }: { disabled: boolean; children: ReactNode }) {
  const t = useTranslations("conversations.whatsapp.composer");
  const actions = useThreadActions();
  const [over, setOver] = useState(false);
  if (actions === null || disabled) return <>{children}</>;
  return (
    <div
      className="relative"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) actions.attachment.attach(file);
      }}
    >
      {children}
      {over ? (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-t-lg border-2 border-dashed border-brand-600 bg-brand-50/90 text-sm font-medium text-brand-800">
          {t("dropHere")}
        </div>
      ) : null}
    </div>
  );
}

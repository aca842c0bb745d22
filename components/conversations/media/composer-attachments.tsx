"use client";

import { useTranslations } from "next-intl";
import { useRef, type ClipboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { PaperclipIcon } from "./icons";
import { useThreadActions } from "./thread-context";

/** Above the reply box: the message being replied to and the attached file with its upload progress. */
export function ComposerContext({ customerLabel }: { customerLabel: string }) {
  const t = useTranslations("conversations.whatsapp.composer");
  const tThread = useTranslations("conversations.thread");
  const actions = useThreadActions();
  if (actions === null) return null;
  const { quote, setQuote, attachment } = actions;
  const state = attachment.state;
  return (
    <>
      {quote ? (
        <div className="flex items-start gap-2 rounded-md border-l-4 border-brand-600 bg-slate-50 px-3 py-2 text-sm">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium text-brand-800">
              {t("replyingTo", {
                author: quote.author === "customer" ? customerLabel : tThread(`author.${quote.author}`),
              })}
            </p>
            <p className="truncate text-slate-700">{quote.text ?? ""}</p>
          </div>
          <Button variant="ghost" size="sm" onClick={() => setQuote(null)} aria-label={t("cancelReply")}>
            ✕
          </Button>
        </div>
      ) : null}
      {state.phase !== "idle" ? (
        <div className="flex items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200">
          <div className="min-w-0 flex-1" aria-live="polite">
            {state.phase === "uploading" ? (
              <>
                <p className="truncate text-slate-800">
                  {t("uploading", {
                    name: state.file.name,
                    percent: Math.round(state.progress * 100),
                  })}
                </p>
                <progress max={1} value={state.progress} aria-label={t("uploadProgress")} className="mt-1 h-1.5 w-full accent-brand-700" />
              </>
            ) : state.phase === "ready" ? (
              <p className="flex items-center gap-1 truncate text-slate-800">
                <PaperclipIcon className="size-4 shrink-0" />
                {t("uploaded", { name: state.file.name })}
              </p>
            ) : (
              <p role="alert" className="text-rose-700">
                {t(state.reason)}
              </p>
            )}
          </div>
          <Button variant="ghost" size="sm" onClick={attachment.clear} aria-label={t("remove")}>
            ✕
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** Images, videos, audio, PDFs and office files: what WhatsApp carries (lib/whatsapp/mediaPolicy.ts). */
const ACCEPT = "image/*,video/*,audio/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.txt,.csv";

/** The paperclip: a labelled button opening the file picker. */
export function AttachButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("conversations.whatsapp.composer");
  const actions = useThreadActions();
  const input = useRef<HTMLInputElement>(null);
  if (actions === null) return null;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-label={t("attach")}
        data-testid="composer-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) actions.attachment.attach(file);
          event.target.value = "";
        }}
      />
      <Button variant="secondary" disabled={disabled} onClick={() => input.current?.click()} aria-label={t("attach")} title={t("attach")}>
        <PaperclipIcon />
      </Button>
    </>
  );
}

/** A pasted image (a screenshot) is attached like a picked file. */
export function usePasteToAttach() {
  const actions = useThreadActions();
  return (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = Array.from(event.clipboardData.files)[0];
    if (file === undefined || actions === null) return;
    event.preventDefault();
    actions.attachment.attach(file);
  };
}

"use client";

import { useAction, useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { toAppErrorData } from "@/lib/errors";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { AttachButton, ComposerContext, usePasteToAttach } from "./media/composer-attachments";
import { useThreadActions } from "./media/thread-context";
import { ComposerModeSwitch } from "@/components/inbox-tools/composer-mode";
import { useComposerAssist, type ComposerMode } from "@/components/inbox-tools/use-composer-assist";
import { cx } from "@/components/ui/cx";

const MAX_LENGTH = 4096;

// `closed` is no longer set by the thread: a reply in a resolved conversation reopens it (convex/messages.ts).
type ComposerProps = { orgId: string; sessionId: Id<"sessions">; closed?: boolean; optedOut: boolean; customerLabel?: string };

/** A human reply, sent through the agent's WhatsApp number. The text stays put if sending fails. */
export function Composer({ orgId, sessionId, closed = false, optedOut, customerLabel = "" }: ComposerProps) {
  const t = useTranslations("conversations.composer");
  const errorMessage = useErrorMessage();
  const tNote = useTranslations("inboxTools.composer");
  const sendHuman = useAction(api.messages.sendHuman);
  const sendMedia = useMutation(api.messages.sendMedia);
  // The quote and the attached file (media/thread-context.tsx); absent outside a thread.
  const thread = useThreadActions();
  const onPaste = usePasteToAttach();
  const file = thread?.attachment.state.phase === "ready" ? thread.attachment.state : null;
  const addNote = useMutation(api.notes.add);
  const [mode, setMode] = useState<ComposerMode>("reply");
  const ids = { input: useId(), hint: useId() };
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const note = mode === "note";
  const assist = useComposerAssist({ orgId, sessionId, mode, text, setText });
  // A note may be written on a closed conversation: it is never sent. Files go with replies only.
  const canSend = (note || !closed) && !sending && (text.trim() !== "" || (!note && file !== null));

  async function send() {
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      const quotedMessageId = thread?.quote?._id;
      if (note) await addNote({ orgId, sessionId, text: text.trim(), mentionedUserIds: assist.mentionedUserIds() });
      else if (file !== null) await sendMedia({ orgId, sessionId, storageId: file.storageId, caption: text.trim() || undefined, quotedMessageId });
      else await sendHuman({ orgId, sessionId, text: text.trim(), quotedMessageId });
      setText("");
      assist.reset();
      if (!note) {
        thread?.setQuote(null);
        thread?.attachment.clear();
      }
    } catch (caught) {
      const { code } = toAppErrorData(caught);
      setError(
        code === "INVALID_ARGUMENT"
          ? note
            ? tNote("noteInvalid", { max: MAX_LENGTH })
            : t("invalid", { max: MAX_LENGTH })
          : code === "CONFLICT"
            ? t("conflict")
            : errorMessage(caught),
      );
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (assist.onKeyDown(event)) return;
    // Enter sends; Shift+Enter (and Enter while an IME is composing) inserts a new line.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      // On a phone the composer stays pinned to the bottom, above the keyboard and the home indicator.
      className="space-y-2 rounded-b-lg border-t border-slate-200 bg-white px-4 py-3 max-sm:sticky max-sm:bottom-0 max-sm:z-10 max-sm:pb-[max(0.75rem,env(safe-area-inset-bottom))] max-sm:shadow-[0_-4px_8px_-6px_rgb(0_0_0/0.2)]"
      aria-busy={sending}
    >
      <ComposerModeSwitch mode={mode} onChange={setMode} />
      {note ? null : <ComposerContext customerLabel={customerLabel} />}
      {optedOut && !note ? (
        // Shown before the person writes: the customer asked not to receive messages (LGPD, WhatsApp policy).
        <div role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-300">
          <p className="font-medium">{t("optedOut.title")}</p>
          <p className="mt-0.5">{t("optedOut.body")}</p>
        </div>
      ) : null}
      <label htmlFor={ids.input} className="sr-only">
        {note ? tNote("noteLabel") : t("label")}
      </label>
      <div className="relative">
        {assist.popup}
        <textarea
          id={ids.input}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            assist.setCaret(event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onPaste={note ? undefined : onPaste}
          {...assist.inputProps}
          placeholder={note ? tNote("notePlaceholder") : closed ? t("closedPlaceholder") : t("placeholder")}
          aria-describedby={ids.hint}
          maxLength={MAX_LENGTH}
          rows={3}
          // Read-only rather than disabled while sending, so focus stays in the box for the next reply.
          readOnly={sending}
          disabled={closed && !note}
          className={cx(inputClasses, "resize-y max-sm:h-16", note && "border-amber-500 bg-amber-50")}
        />
      </div>
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id={ids.hint} className="text-xs text-slate-600 max-sm:hidden">
          {note ? tNote("noteHint") : closed ? t("closed") : t("hint")}
        </p>
        <div className="flex items-center gap-2">
          {note ? null : <AttachButton disabled={closed || sending} />}
          <Button type="submit" disabled={!canSend}>
            {sending ? <Spinner className="size-4 text-white" /> : null}
            {note ? (sending ? tNote("saving") : tNote("save")) : sending ? t("sending") : t("send")}
          </Button>
        </div>
      </div>
    </form>
  );
}

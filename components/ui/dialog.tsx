"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type DialogProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer: ReactNode;
  onClose: () => void;
  /** False while work is in flight: Escape then leaves the dialog open. */
  dismissible?: boolean;
};

/**
 * A modal on the native <dialog>: `showModal()` makes the rest of the page inert (focus stays inside),
 * Escape asks to close, and the browser returns focus to the opener afterwards.
 */
export function Dialog({ open, title, description, children, footer, onClose, dismissible = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      // The browser may close it on its own (repeated Escape); keep the caller's state in step.
      onClose={() => {
        if (open) onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="space-y-4 px-5 py-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="text-sm text-slate-600">
              {description}
            </div>
          ) : null}
          {children}
          <div className="flex flex-wrap justify-end gap-2 pt-1">{footer}</div>
        </div>
      ) : null}
    </dialog>
  );
}

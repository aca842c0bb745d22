"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";

type PopoverProps = {
  /** Content of the toggle button. */
  trigger: ReactNode;
  /** Accessible name of the toggle button when its content is not enough. */
  label?: string;
  triggerClassName?: string;
  panelClassName?: string;
  children: (close: () => void) => ReactNode;
};

/**
 * A disclosure button with a floating panel: Escape closes it and returns focus to the button;
 * clicking or tabbing outside closes it too.
 */
export function Popover({ trigger, label, triggerClassName, panelClassName, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** True between a pointer press and its click: focus moving then is not "tabbing away". */
  const pointing = useRef(false);

  useEffect(() => {
    if (!open) return;
    // On click rather than pointerdown: in the phone menu the panel opens in place, and closing it
    // on pointerdown would move the button being tapped out from under the finger.
    const onPointerDown = () => {
      pointing.current = true;
    };
    const onClick = (event: MouseEvent) => {
      pointing.current = false;
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("click", onClick);
    };
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (pointing.current) return;
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
        className={cx(
          "inline-flex h-10 max-w-full items-center gap-2 rounded-md px-2 text-sm font-medium text-slate-800 hover:bg-slate-100 sm:h-9",
          triggerClassName,
        )}
      >
        {trigger}
        <svg className="size-4 text-slate-500" viewBox="0 0 20 20" fill="none" aria-hidden="true">
          <path d="m5 8 5 5 5-5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cx(
          // Below 640 px the header menu is a column: the panel opens in place, full width, never off screen.
          "mt-2 w-full rounded-lg border border-slate-200 bg-white p-2 sm:absolute sm:z-40 sm:w-72 sm:max-w-[calc(100vw-2rem)] sm:shadow-lg",
          panelClassName,
        )}
      >
        {open ? children(() => setOpen(false)) : null}
      </div>
    </div>
  );
}

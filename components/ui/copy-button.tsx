"use client";

import { useEffect, useState } from "react";
import { Button } from "./button";

type CopyButtonProps = { value: string; label: string; copiedLabel: string; failedLabel: string };

/** Copies `value` to the clipboard and says so (politely announced) for a moment. */
export function CopyButton({ value, label, copiedLabel, failedLabel }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        {label}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {state === "copied" ? copiedLabel : state === "failed" ? failedLabel : ""}
      </span>
    </span>
  );
}

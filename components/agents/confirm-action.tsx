"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { toAppErrorData } from "@/lib/errors";

type ConfirmActionProps = {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  disabled?: boolean;
  /** Names what the button acts on for screen readers when several rows share one label ("Delete: Hot lead"). */
  ariaLabel?: string;
  /** Resolves when done; a rejection is shown in the dialog, which then stays open. */
  run: () => Promise<void>;
};

/** A button that asks first, then runs the action with a pending state and a translated error. */
export function ConfirmAction({ label, title, body, confirmLabel, pendingLabel, danger, disabled, ariaLabel, run }: ConfirmActionProps) {
  const t = useTranslations("agents.actions");
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await run();
      setOpen(false);
    } catch (caught) {
      // The gateway refusing (e.g. logging out a phone that is already logged out) is not the user's input.
      setError(toAppErrorData(caught).code === "INVALID_ARGUMENT" ? t("rejected") : errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        variant={danger ? "danger" : "secondary"}
        size="sm"
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Dialog
        open={open}
        title={title}
        description={body}
        dismissible={!pending}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button variant={danger ? "danger" : "primary"} onClick={() => void confirm()} disabled={pending}>
              {pending ? <Spinner className="size-4 text-white" /> : null}
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </>
        }
      >
        {error ? <InlineError>{error}</InlineError> : null}
      </Dialog>
    </>
  );
}

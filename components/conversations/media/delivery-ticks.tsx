"use client";

import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cx } from "@/components/ui/cx";
import { api } from "@/convex/_generated/api";
import type { MessageView } from "../types";
import { useThreadActions } from "./thread-context";

type Delivery = MessageView["delivery"];

function Check({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className={cx("size-4", className)} fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M2.5 8.5l3 3 7-7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function DoubleCheck({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 16" aria-hidden="true" className={cx("h-4 w-5", className)} fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M1.5 8.5l3 3 7-7M8.5 11.5l7-7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function Clock() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2 1.5" strokeLinecap="round" />
    </svg>
  );
}

const ICONS: Record<Exclude<Delivery, "failed">, () => React.ReactNode> = {
  pending: () => <Clock />,
  sent: () => <Check />,
  delivered: () => <DoubleCheck />,
  // WhatsApp's blue; sky-700 keeps AA contrast on the light bubble.
  read: () => <DoubleCheck className="text-sky-700" />,
  played: () => <DoubleCheck className="text-sky-700" />,
};

/** WhatsApp's ticks for our messages, labelled for screen readers; "Not delivered" offers a retry. */
export function DeliveryTicks({ message }: { message: MessageView }) {
  const t = useTranslations("conversations.thread.delivery");
  const label = t(message.delivery);
  if (message.delivery === "failed") return <NotDelivered message={message} label={label} />;
  return (
    <span role="img" aria-label={label} title={label} data-delivery={message.delivery} className="inline-flex items-center text-slate-600">
      {ICONS[message.delivery]()}
    </span>
  );
}

function NotDelivered({ message, label }: { message: MessageView; label: string }) {
  const t = useTranslations("conversations.whatsapp");
  const actions = useThreadActions();
  const retrySend = useMutation(api.messages.retrySend);
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  // Only a person's reply can be sent again from here; the bot retries its own.
  const canRetry = actions !== null && message.author === "human";
  return (
    <span className="inline-flex flex-wrap items-center gap-2 font-medium text-rose-700" data-delivery="failed">
      {label}
      {canRetry ? (
        <button
          type="button"
          disabled={state === "busy"}
          onClick={() => {
            setState("busy");
            retrySend({ orgId: actions.orgId, messageId: message._id }).then(
              () => setState("idle"),
              () => setState("error"),
            );
          }}
          className="rounded px-1 text-rose-800 underline hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-rose-700"
        >
          {t("retry")}
        </button>
      ) : null}
      {state === "error" ? <span role="alert">{t("retrySendFailed")}</span> : null}
    </span>
  );
}

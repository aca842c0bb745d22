"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type SecretPanelProps = { title: string; secret: string; onDismiss: () => void; children?: ReactNode };

/** The one moment a webhook secret is visible: the server never returns it again. */
export function SecretPanel({ title, secret, onDismiss, children }: SecretPanelProps) {
  const t = useTranslations("agents.secret");
  const ref = useRef<HTMLElement>(null);
  // The form or dialog that produced the secret is gone: bring keyboard and screen-reader users here.
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-label={title}
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-5 py-4 text-sm text-amber-950"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="font-medium">{t("warning")}</p>
      <div>
        <p className="text-xs font-medium text-amber-900">{t("label")}</p>
        <code className="mt-1 block rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs break-all text-slate-900 select-all">
          {secret}
        </code>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton value={secret} label={t("copy")} copiedLabel={t("copied")} failedLabel={t("copyFailed")} />
        {children}
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
    </section>
  );
}

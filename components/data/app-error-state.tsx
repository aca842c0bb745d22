"use client";

import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import type { AppErrorData, ErrorCode } from "@/lib/errors";
import { SELECT_ORG_PATH, SIGN_IN_PATH } from "@/lib/auth/routes";

type AppErrorStateProps = { error: AppErrorData; title?: string; onRetry?: () => void };

const NEEDS_ANOTHER_ORG: ReadonlySet<ErrorCode> = new Set(["ORG_REQUIRED", "ORG_MISMATCH", "ORG_NOT_FOUND"]);

/** A backend refusal in the user's language, with the way out that fits its code. */
export function AppErrorState({ error, title, onRetry }: AppErrorStateProps) {
  const t = useTranslations();
  const canRetry = onRetry !== undefined && error.code !== "FORBIDDEN";
  const wayOut =
    error.code === "UNAUTHENTICATED"
      ? { href: SIGN_IN_PATH, label: t("common.signIn") }
      : NEEDS_ANOTHER_ORG.has(error.code)
        ? { href: SELECT_ORG_PATH, label: t("orgGate.required.action") }
        : null;
  return (
    <ErrorState
      title={title ?? t("errors.title")}
      body={t(`errors.codes.${error.code}`)}
      action={
        wayOut || canRetry ? (
          <>
            {wayOut ? <ButtonLink href={wayOut.href}>{wayOut.label}</ButtonLink> : null}
            {canRetry ? (
              <Button variant={wayOut ? "secondary" : "primary"} onClick={onRetry}>
                {t("common.retry")}
              </Button>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}

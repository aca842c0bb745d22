"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { ErrorCode } from "@/lib/errors";

type Answer = { ok: true } | { ok: false; code: ErrorCode; message: string };

/**
 * Runs one team server action at a time: `pending` while it runs, then a translated error for a
 * refusal (a conflict says it in the action's own words, the rest by code). Resolves to success.
 */
export function useTeamAction(conflictMessage?: string) {
  const t = useTranslations("errors.codes");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<Answer>): Promise<boolean> => {
      setPending(true);
      setError(null);
      try {
        const answer = await action();
        if (answer.ok) return true;
        setError(answer.code === "CONFLICT" && conflictMessage ? conflictMessage : t(answer.code));
        return false;
      } catch {
        // The request itself failed (offline, server restarted).
        setError(t("INTERNAL_ERROR"));
        return false;
      } finally {
        setPending(false);
      }
    },
    [t, conflictMessage],
  );

  return { run, pending, error, clearError: () => setError(null) };
}

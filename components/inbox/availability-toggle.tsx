"use client";

import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { InlineError } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";

/** My own "available for new conversations" switch: round-robin routing skips me while it is off. */
export function AvailabilityToggle({ orgId }: { orgId: string }) {
  const t = useTranslations("inbox.availability");
  const errorMessage = useErrorMessage();
  const available = useQuery(api.routing.myAvailability, { orgId });
  const setAvailability = useMutation(api.routing.setMyAvailability).withOptimisticUpdate((store, { available: next }) => {
    store.setQuery(api.routing.myAvailability, { orgId }, next);
  });
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  if (available === undefined) return null;
  return (
    <div className="space-y-1 px-3 py-3 md:px-4">
      <label className="flex min-h-10 cursor-pointer items-center gap-3 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          role="switch"
          checked={available}
          aria-describedby={hintId}
          onChange={(event) => {
            setError(null);
            setAvailability({ orgId, available: event.target.checked }).catch((caught) => setError(errorMessage(caught)));
          }}
          className="size-4 accent-brand-700"
        />
        {t("label")}
      </label>
      <p id={hintId} className="text-xs text-slate-500">
        {t("hint")}
      </p>
      {error ? <InlineError>{error}</InlineError> : null}
    </div>
  );
}

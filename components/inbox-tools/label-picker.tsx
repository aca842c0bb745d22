"use client";

import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { toAppErrorData } from "@/lib/errors";
import { LabelChips, labelDotClass, type LabelChipData } from "./label-chip";

type LabelPickerProps = { orgId: string; sessionId: Id<"sessions">; applied: LabelChipData[] };

/** The conversation's labels as chips, and a disclosure with a checkbox per org label to apply or remove. */
export function ConversationLabels({ orgId, sessionId, applied }: LabelPickerProps) {
  const t = useTranslations("inboxTools.labels");
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const labels = useQuery(api.labels.list, open ? { orgId } : "skip");
  const apply = useMutation(api.labels.apply);
  const unapply = useMutation(api.labels.unapply);
  const [error, setError] = useState<string | null>(null);
  const appliedIds = new Set(applied.map((label) => label._id));

  async function toggle(labelId: Id<"labels">, on: boolean) {
    setError(null);
    try {
      await (on ? apply : unapply)({ orgId, sessionId, labelId });
    } catch (caught) {
      setError(toAppErrorData(caught).code === "CONFLICT" ? t("conflict") : errorMessage(caught));
    }
  }

  return (
    <div className="relative flex flex-wrap items-center gap-1.5">
      <LabelChips labels={applied} />
      <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t("edit")} {open ? "▴" : "▾"}
      </Button>
      {open ? (
        <div id={panelId} className="absolute top-full left-0 z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <fieldset>
            <legend className="px-1 pb-1 text-xs font-semibold text-slate-700">{t("pickerLabel")}</legend>
            {labels === undefined ? null : labels.length === 0 ? (
              <p className="px-1 py-1 text-sm text-slate-600">{t("pickerEmpty")}</p>
            ) : (
              <ul className="max-h-60 overflow-y-auto">
                {labels.map((label) => (
                  <li key={label._id}>
                    <label className="flex min-h-9 cursor-pointer items-center gap-2 rounded px-1 text-sm text-slate-800 hover:bg-slate-50">
                      <input type="checkbox" className="size-4" checked={appliedIds.has(label._id)} onChange={(event) => void toggle(label._id, event.target.checked)} />
                      <span aria-hidden="true" className={`size-2 rounded-full ${labelDotClass(label.color)}`} />
                      <span className="truncate">{label.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          {error ? <InlineError>{error}</InlineError> : null}
        </div>
      ) : null}
    </div>
  );
}

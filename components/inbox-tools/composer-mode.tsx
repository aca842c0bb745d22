import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import type { ComposerMode } from "./use-composer-assist";

/** Reply to the customer, or write a private note for the team. */
export function ComposerModeSwitch({ mode, onChange }: { mode: ComposerMode; onChange: (mode: ComposerMode) => void }) {
  const t = useTranslations("inboxTools.composer");
  return (
    <div role="group" aria-label={t("modes")} className="inline-flex rounded-md bg-slate-100 p-0.5 text-sm">
      {(["reply", "note"] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={mode === option}
          onClick={() => onChange(option)}
          className={cx(
            "min-h-8 rounded px-3 font-medium",
            mode === option ? (option === "note" ? "bg-amber-200 text-amber-950 shadow-sm" : "bg-white text-slate-900 shadow-sm") : "text-slate-700 hover:text-slate-900",
          )}
        >
          {t(option)}
        </button>
      ))}
    </div>
  );
}

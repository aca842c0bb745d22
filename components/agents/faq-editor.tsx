"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { KNOWLEDGE_LIMITS, type FaqEntry } from "@/lib/spin/knowledge";

type FaqEditorProps = { entries: FaqEntry[]; onChange: (entries: FaqEntry[]) => void; disabled: boolean };

/** Questions customers ask and the bot's answers (up to KNOWLEDGE_LIMITS.faqEntries). */
export function FaqEditor({ entries, onChange, disabled }: FaqEditorProps) {
  const t = useTranslations("agents.bot.faq");
  const headingId = useId();
  const set = (index: number, entry: FaqEntry) => onChange(entries.map((old, i) => (i === index ? entry : old)));
  const full = entries.length >= KNOWLEDGE_LIMITS.faqEntries;

  return (
    <fieldset aria-labelledby={headingId} className="space-y-3">
      <legend id={headingId} className="text-sm font-medium text-slate-800">
        {t("title")}
      </legend>
      <p className="text-xs text-slate-600">{t("hint", { max: KNOWLEDGE_LIMITS.faqEntries })}</p>
      {entries.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ol className="space-y-3">
        {entries.map((entry, index) => (
          <li key={index} className="space-y-2 rounded-md border border-slate-200 p-3">
            <label className="block text-xs font-medium text-slate-700">
              {t("question", { number: index + 1 })}
              <input
                value={entry.question}
                onChange={(event) => set(index, { ...entry, question: event.target.value })}
                maxLength={KNOWLEDGE_LIMITS.faqQuestion}
                placeholder={t("questionPlaceholder")}
                disabled={disabled}
                className={`${inputClasses} mt-1`}
              />
            </label>
            <label className="block text-xs font-medium text-slate-700">
              {t("answer", { number: index + 1 })}
              <textarea
                value={entry.answer}
                onChange={(event) => set(index, { ...entry, answer: event.target.value })}
                maxLength={KNOWLEDGE_LIMITS.faqAnswer}
                placeholder={t("answerPlaceholder")}
                rows={2}
                disabled={disabled}
                className={`${inputClasses} mt-1`}
              />
            </label>
            {disabled ? null : (
              <Button variant="secondary" onClick={() => onChange(entries.filter((_, i) => i !== index))}>
                {t("remove", { number: index + 1 })}
              </Button>
            )}
          </li>
        ))}
      </ol>
      {disabled || full ? null : (
        <Button variant="secondary" onClick={() => onChange([...entries, { question: "", answer: "" }])}>
          {t("add")}
        </Button>
      )}
    </fieldset>
  );
}

"use client";

import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import { BOT_LANGUAGES, type BotLanguage } from "@/lib/agents";

/** The language new agents' bots start with; each agent can still change its own. */
export function DefaultLanguageForm({ orgId, current }: { orgId: string; current: BotLanguage }) {
  const t = useTranslations("orgProfile.language");
  const languages = useTranslations("agents.bot.languages");
  const errorMessage = useErrorMessage();
  const save = useMutation(api.organizations.setDefaultBotLanguage);
  const id = useId();
  const [draft, setDraft] = useState<BotLanguage>(current);
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<{ saved: boolean; error: string | null }>({ saved: false, error: null });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      await save({ orgId, language: draft });
      setFeedback({ saved: true, error: null });
    } catch (error) {
      setFeedback({ saved: false, error: errorMessage(error) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3">
      <Field id={id} label={t("label")} hint={t("hint")} hintId={`${id}-hint`}>
        <select
          id={id}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value as BotLanguage);
            setFeedback({ saved: false, error: null });
          }}
          aria-describedby={`${id}-hint`}
          disabled={pending}
          className={`${inputClasses} sm:max-w-sm`}
        >
          {BOT_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {languages(value)}
            </option>
          ))}
        </select>
      </Field>
      {feedback.error ? <InlineError>{feedback.error}</InlineError> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || draft === current}>
          {pending ? t("saving") : t("save")}
        </Button>
        <p aria-live="polite" className="text-sm text-brand-800">
          {feedback.saved ? t("saved") : null}
        </p>
      </div>
    </form>
  );
}

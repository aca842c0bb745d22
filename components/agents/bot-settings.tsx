"use client";

import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import { BOT_LANGUAGES, type BotLanguage } from "@/lib/agents";
import type { AgentView } from "./types";

const TEXT_MAX = 4000;

type BotSettingsProps = { orgId: string; agent: AgentView; canManage: boolean };

/** The SPIN bot of one agent: on/off, persona, product and reply language. Members see it read-only. */
export function BotSettings({ orgId, agent, canManage }: BotSettingsProps) {
  const t = useTranslations("agents.bot");
  const errorMessage = useErrorMessage();
  const update = useMutation(api.agents.updateBot);
  const ids = { enabled: useId(), persona: useId(), product: useId(), language: useId(), languageHint: useId() };
  const [aiEnabled, setAiEnabled] = useState(agent.aiEnabled);
  const [persona, setPersona] = useState(agent.persona);
  const [product, setProduct] = useState(agent.product);
  const [language, setLanguage] = useState<BotLanguage>(agent.language);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabled = !canManage || pending;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setSaved(false);
    setError(null);
    try {
      await update({ orgId, agentId: agent._id, aiEnabled, persona, product, language });
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-busy={pending} onChange={() => setSaved(false)}>
      {canManage ? null : <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      <label htmlFor={ids.enabled} className="flex items-start gap-3">
        <input
          id={ids.enabled}
          type="checkbox"
          checked={aiEnabled}
          onChange={(event) => setAiEnabled(event.target.checked)}
          disabled={disabled}
          className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
        />
        <span>
          <span className="block text-sm font-medium text-slate-800">{t("enabled")}</span>
          <span className="block text-xs text-slate-500">{t("enabledHint")}</span>
        </span>
      </label>
      <Field id={ids.persona} label={t("persona")}>
        <textarea id={ids.persona} value={persona} onChange={(event) => setPersona(event.target.value)} maxLength={TEXT_MAX} rows={3} disabled={disabled} className={inputClasses} />
      </Field>
      <Field id={ids.product} label={t("product")}>
        <textarea id={ids.product} value={product} onChange={(event) => setProduct(event.target.value)} maxLength={TEXT_MAX} rows={3} disabled={disabled} className={inputClasses} />
      </Field>
      <Field id={ids.language} label={t("language")} hint={t("languageHint")} hintId={ids.languageHint}>
        <select
          id={ids.language}
          value={language}
          onChange={(event) => setLanguage(event.target.value as BotLanguage)}
          aria-describedby={ids.languageHint}
          disabled={disabled}
          className={inputClasses}
        >
          {BOT_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(`languages.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      {error ? <InlineError>{error}</InlineError> : null}
      {canManage ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? <Spinner className="size-4 text-white" /> : null}
            {pending ? t("saving") : t("save")}
          </Button>
          {saved ? (
            <p role="status" className="text-sm text-emerald-700">
              {t("saved")}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { BOT_LANGUAGES, type BotLanguage } from "@/lib/agents";
import { KNOWLEDGE_LIMITS } from "@/lib/spin/knowledge";
import { FaqEditor } from "./faq-editor";
import type { AgentView } from "./types";
import { useBotSave } from "./use-bot-save";

type BotSettingsProps = { orgId: string; agent: AgentView; canManage: boolean };

type TextField = "persona" | "product" | "productDescription" | "priceAnswer" | "businessHours";

const LIMITS: Record<TextField, number> = {
  persona: KNOWLEDGE_LIMITS.persona,
  product: KNOWLEDGE_LIMITS.productName,
  productDescription: KNOWLEDGE_LIMITS.productDescription,
  priceAnswer: KNOWLEDGE_LIMITS.priceAnswer,
  businessHours: KNOWLEDGE_LIMITS.businessHours,
};
const TEXT_FIELDS = Object.keys(LIMITS) as TextField[];
// Longer answers get a text area; names and one-liners a single line.
const MULTILINE = new Set<TextField>(["persona", "priceAnswer"]);

function initialTexts(agent: AgentView): Record<TextField, string> {
  const { productDescription, priceAnswer, businessHours } = agent.knowledge;
  return { persona: agent.persona, product: agent.product, productDescription, priceAnswer, businessHours };
}

type CheckboxRowProps = { id: string; checked: boolean; onChange: (checked: boolean) => void; disabled: boolean; label: string; hint: string };

function CheckboxRow({ id, checked, onChange, disabled, label, hint }: CheckboxRowProps) {
  return (
    <label htmlFor={id} className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        disabled={disabled}
        className="mt-0.5 size-4 rounded border-slate-500 accent-brand-700"
      />
      <span>
        <span className="block text-sm font-medium text-slate-800">{label}</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

/** The SPIN bot of one agent: on/off, what it knows about the business, its language. Members see it read-only. */
export function BotSettings({ orgId, agent, canManage }: BotSettingsProps) {
  const t = useTranslations("agents.bot");
  const baseId = useId();
  const [aiEnabled, setAiEnabled] = useState(agent.aiEnabled);
  const [texts, setTexts] = useState(() => initialTexts(agent));
  const [faq, setFaq] = useState(agent.knowledge.faq);
  const [language, setLanguage] = useState<BotLanguage>(agent.language);
  const [voiceNoteHandoff, setVoiceNoteHandoff] = useState(agent.voiceNoteHandoff);
  const { save, pending, saved, error, markEdited } = useBotSave(orgId, agent._id);
  const disabled = !canManage || pending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { persona, product, productDescription, priceAnswer, businessHours } = texts;
    const knowledge = { productDescription, priceAnswer, businessHours, faq: faq.filter((entry) => entry.question.trim() && entry.answer.trim()) };
    void save({ aiEnabled, persona, product, knowledge, language, voiceNoteHandoff });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-busy={pending} onChange={markEdited}>
      {canManage ? null : <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      <CheckboxRow id={`${baseId}-enabled`} checked={aiEnabled} onChange={setAiEnabled} disabled={disabled} label={t("enabled")} hint={t("enabledHint")} />
      {TEXT_FIELDS.map((field) => {
        const id = `${baseId}-${field}`;
        const props = {
          id,
          value: texts[field],
          onChange: (event: { target: { value: string } }) => setTexts((old) => ({ ...old, [field]: event.target.value })),
          maxLength: LIMITS[field],
          disabled,
          "aria-describedby": `${id}-hint`,
          className: inputClasses,
        };
        return (
          <Field key={field} id={id} label={t(`${field}`)} hint={t(`${field}Hint`)} hintId={`${id}-hint`}>
            {MULTILINE.has(field) ? <textarea rows={2} {...props} /> : <input {...props} />}
          </Field>
        );
      })}
      <FaqEditor entries={faq} onChange={setFaq} disabled={disabled} />
      <CheckboxRow
        id={`${baseId}-voice`}
        checked={voiceNoteHandoff}
        onChange={setVoiceNoteHandoff}
        disabled={disabled}
        label={t("voiceNoteHandoff")}
        hint={t("voiceNoteHandoffHint")}
      />
      <Field id={`${baseId}-language`} label={t("language")} hint={t("languageHint")} hintId={`${baseId}-language-hint`}>
        <select
          id={`${baseId}-language`}
          value={language}
          onChange={(event) => setLanguage(event.target.value as BotLanguage)}
          aria-describedby={`${baseId}-language-hint`}
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

"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { AgentView } from "@/components/agents/types";
import { useBotSave } from "@/components/agents/use-bot-save";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { orgPath } from "@/lib/auth/routes";
import { KNOWLEDGE_LIMITS } from "@/lib/spin/knowledge";
import { BotPreview } from "./bot-preview";

type BotStepProps = { orgId: string; agent: AgentView | null; canManage: boolean };

export function BotStep({ orgId, agent, canManage }: BotStepProps) {
  const t = useTranslations("onboarding.bot");
  if (agent === null) return <p className="text-sm text-slate-600">{t("needsAgent")}</p>;
  // A new agent starts a fresh form; edits elsewhere do not overwrite what is being typed here.
  return <BotForm key={agent._id} orgId={orgId} agent={agent} canManage={canManage} />;
}

/** Persona, product and price answer in plain words, saved through the agent's bot settings. */
function BotForm({ orgId, agent, canManage }: { orgId: string; agent: AgentView; canManage: boolean }) {
  const t = useTranslations("onboarding.bot");
  const baseId = useId();
  const [draft, setDraft] = useState({ persona: agent.persona, product: agent.product, priceAnswer: agent.knowledge.priceAnswer });
  const { save, pending, saved, error, markEdited } = useBotSave(orgId, agent._id);
  const disabled = !canManage || pending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Everything this step does not ask about stays as it is.
    void save({
      aiEnabled: agent.aiEnabled,
      persona: draft.persona,
      product: draft.product,
      knowledge: { ...agent.knowledge, priceAnswer: draft.priceAnswer },
      language: agent.language,
      voiceNoteHandoff: agent.voiceNoteHandoff,
    });
  }

  const fields = [
    { key: "persona", limit: KNOWLEDGE_LIMITS.persona, multiline: false },
    { key: "product", limit: KNOWLEDGE_LIMITS.productName, multiline: false },
    { key: "priceAnswer", limit: KNOWLEDGE_LIMITS.priceAnswer, multiline: true },
  ] as const;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={submit} className="space-y-4" aria-busy={pending}>
        {fields.map(({ key, limit, multiline }) => {
          const id = `${baseId}-${key}`;
          const props = {
            id,
            value: draft[key],
            onChange: (event: { target: { value: string } }) => {
              markEdited();
              setDraft((old) => ({ ...old, [key]: event.target.value }));
            },
            maxLength: limit,
            disabled,
            "aria-describedby": `${id}-hint`,
            className: inputClasses,
          };
          return (
            <Field key={key} id={id} label={t(key)} hint={t(`${key}Hint`)} hintId={`${id}-hint`}>
              {multiline ? <textarea rows={3} {...props} /> : <input autoComplete="off" {...props} />}
            </Field>
          );
        })}
        {error ? <InlineError>{error}</InlineError> : null}
        <div className="flex flex-wrap items-center gap-3">
          {canManage ? (
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner className="size-4 text-white" /> : null}
              {pending ? t("saving") : t("save")}
            </Button>
          ) : null}
          <ButtonLink href={orgPath(orgId, `/agents/${agent._id}`)} variant="ghost" size="sm">
            {t("more")}
          </ButtonLink>
        </div>
        <p role="status" className="text-sm text-emerald-800 empty:hidden">
          {saved ? t("saved") : ""}
        </p>
      </form>
      <BotPreview agent={agent} draft={draft} />
    </div>
  );
}

"use client";

import { useAction } from "convex/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { KNOWLEDGE_LIMITS } from "@/lib/spin/knowledge";

export type CreatedAgent = { agentId: Id<"agents">; name: string; webhookSecret: string };

const NAME_MAX = 80;
const BOT_TEXT_MAX = { persona: KNOWLEDGE_LIMITS.persona, product: KNOWLEDGE_LIMITS.productName };

type BotTextFieldProps = { field: keyof typeof BOT_TEXT_MAX; value: string; onChange: (value: string) => void; disabled: boolean };

/** An optional first word for the bot (who it is, what it sells); the rest is set on the agent's page. */
function BotTextField({ field, value, onChange, disabled }: BotTextFieldProps) {
  const t = useTranslations("agents.create");
  const id = useId();
  return (
    <Field id={id} label={t(field)} hint={t(`${field}Hint`)} hintId={`${id}-hint`}>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        maxLength={BOT_TEXT_MAX[field]}
        rows={3}
        disabled={disabled}
        className={inputClasses}
      />
    </Field>
  );
}

/** The form's own words; the onboarding speaks of "the number" where the agents page says "agent". */
export type CreateAgentCopy = {
  name: string;
  nameHint?: string;
  namePlaceholder: string;
  nameRequired: string;
  submit: string;
  submitting: string;
};

type CreateAgentFormProps = {
  orgId: string;
  onCreated: (agent: CreatedAgent) => void;
  /** Absent where there is nothing to go back to (onboarding): no cancel button. */
  onCancel?: () => void;
  /**
   * The onboarding's first number: its words, and the name only (who answers and what it sells are
   * the checklist's next step, asked there in plain words).
   */
  firstNumber?: CreateAgentCopy;
};

/** Creating an agent also creates its gateway instance, so it can take a moment. */
export function CreateAgentForm({ orgId, onCreated, onCancel, firstNumber }: CreateAgentFormProps) {
  const t = useTranslations("agents.create");
  const copy: CreateAgentCopy = firstNumber ?? {
    name: t("name"),
    namePlaceholder: t("namePlaceholder"),
    nameRequired: t("nameRequired"),
    submit: t("submit"),
    submitting: t("submitting"),
  };
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const create = useAction(api.agentGateway.create);
  const ids = { name: useId(), nameHint: useId() };
  const [name, setName] = useState("");
  const [persona, setPersona] = useState("");
  const [product, setProduct] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "") {
      setError(copy.nameRequired);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await create({
        orgId,
        name: trimmed,
        persona: persona.trim() || undefined,
        product: product.trim() || undefined,
        // The bot's defaults speak the language of the person creating it.
        uiLanguage: locale.startsWith("pt") ? "pt" : "en",
      });
      onCreated({ agentId: result.agentId, name: trimmed, webhookSecret: result.webhookSecret });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-busy={pending}>
      <Field id={ids.name} label={copy.name} hint={copy.nameHint} hintId={ids.nameHint}>
        <input
          id={ids.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-describedby={copy.nameHint ? ids.nameHint : undefined}
          placeholder={copy.namePlaceholder}
          maxLength={NAME_MAX}
          required
          autoFocus
          autoComplete="off"
          disabled={pending}
          className={inputClasses}
        />
      </Field>
      {firstNumber ? null : (
        <>
          <BotTextField field="persona" value={persona} onChange={setPersona} disabled={pending} />
          <BotTextField field="product" value={product} onChange={setProduct} disabled={pending} />
        </>
      )}
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner className="size-4 text-white" /> : null}
          {pending ? copy.submitting : copy.submit}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

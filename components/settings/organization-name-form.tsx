"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { renameOrganization } from "@/app/org/[orgId]/settings/organization-actions";
import { useTeamAction } from "@/components/members/use-team-action";
import { Button } from "@/components/ui/button";
import { Field, InlineError, inputClasses } from "@/components/ui/field";
import { ORG_NAME_MAX_LENGTH } from "@/lib/auth/local/model";
import { organizationName } from "@/lib/auth/organization";

/** Renames through the auth provider; the header and this card follow when its webhook lands. */
export function OrganizationNameForm({ orgId, current }: { orgId: string; current: string }) {
  const t = useTranslations("organizationSettings.name");
  const router = useRouter();
  const ids = { input: useId(), hint: useId() };
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error } = useTeamAction();
  const value = draft ?? current;
  const parsed = organizationName.safeParse(value);
  const unchanged = parsed.success && parsed.data === current;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!parsed.success || unchanged) return;
    setSaved(null);
    const name = parsed.data;
    if (await run(() => renameOrganization({ orgId, name }))) {
      setDraft(null);
      setSaved(name);
      // The header's organization switcher is rendered from the provider's session on the server.
      router.refresh();
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} className="space-y-3">
      <Field id={ids.input} label={t("label")} hint={t("hint", { max: ORG_NAME_MAX_LENGTH })} hintId={ids.hint}>
        <input
          id={ids.input}
          value={value}
          maxLength={ORG_NAME_MAX_LENGTH + 16}
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(null);
          }}
          aria-describedby={ids.hint}
          aria-invalid={!parsed.success}
          autoComplete="organization"
          className={inputClasses}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || !parsed.success || unchanged}>
          {pending ? t("saving") : t("save")}
        </Button>
        {!parsed.success ? <span className="text-sm text-rose-800">{t("invalid", { max: ORG_NAME_MAX_LENGTH })}</span> : null}
      </div>
      <div aria-live="polite">
        {saved !== null ? <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">{t("saved", { name: saved })}</p> : null}
      </div>
      {error ? <InlineError>{error}</InlineError> : null}
    </form>
  );
}

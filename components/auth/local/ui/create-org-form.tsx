"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { localAuthApi } from "@/lib/auth/local/api";
import { ORG_NAME_MAX_LENGTH } from "@/lib/auth/local/model";
import { ONBOARDING_SUBPATH, orgPath } from "@/lib/auth/routes";
import { useAuthErrorMessage, useLocalAuth } from "../context";

/** Creates an organization owned by the signed-in user and opens it. */
export function CreateOrgForm() {
  const t = useTranslations("localAuth.picker");
  const { setViewer } = useLocalAuth();
  const router = useRouter();
  const errorMessage = useAuthErrorMessage();
  const inputId = useId();
  const errorId = useId();
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(orgName: string) {
    setPending(true);
    try {
      const viewer = await localAuthApi.createOrganization(orgName);
      setViewer(viewer);
      // A new organization starts on its first-run checklist.
      if (viewer.activeOrgId) router.push(orgPath(viewer.activeOrgId, ONBOARDING_SUBPATH));
    } catch (failure) {
      setError(errorMessage(failure));
      setPending(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const orgName = name.trim();
    const problem =
      orgName === "" ? t("nameRequired")
      : orgName.length > ORG_NAME_MAX_LENGTH ? t("nameTooLong", { max: ORG_NAME_MAX_LENGTH })
      : null;
    setError(problem);
    if (problem === null) void create(orgName);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {t("nameLabel")}
        </label>
        <input
          id={inputId}
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t("namePlaceholder")}
          maxLength={ORG_NAME_MAX_LENGTH + 16}
          autoComplete="organization"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          disabled={pending}
          className={cx(
            "h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 disabled:opacity-60",
            error ? "border-rose-600" : "border-slate-500",
          )}
        />
        {error ? (
          <p id={errorId} role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}

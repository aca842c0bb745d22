"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { deleteOrganization } from "@/app/org/[orgId]/settings/organization-actions";
import { useTeamAction } from "@/components/members/use-team-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { InlineError, inputClasses } from "@/components/ui/field";
import { confirmsName, ORGANIZATION_DELETED_NOTICE } from "@/lib/auth/organization";
import { SELECT_ORG_PATH } from "@/lib/auth/routes";

/**
 * The owner's danger zone: deleting asks for the organization's name, typed. The provider deletes it;
 * Convex then logs out every WhatsApp number and erases the data in the background.
 */
export function DeleteOrganization({ orgId, name }: { orgId: string; name: string }) {
  const t = useTranslations("organizationSettings.delete");
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { run, pending, error, clearError } = useTeamAction();
  const confirmed = confirmsName(typed, name);

  function close() {
    setOpen(false);
    setTyped("");
    clearError();
  }

  async function confirm() {
    if (!confirmed) return;
    if (await run(() => deleteOrganization({ orgId, confirmName: typed }))) {
      // A full load: every live query of this organization stops with the page.
      window.location.replace(`${SELECT_ORG_PATH}?notice=${ORGANIZATION_DELETED_NOTICE}`);
    }
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-3 rounded-md border border-rose-200 p-4">
      <h3 id={`${inputId}-title`} className="text-sm font-semibold text-rose-900">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-700">{t("description")}</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
      <Dialog
        open={open}
        title={t("dialogTitle", { name })}
        description={t("dialogDescription")}
        onClose={close}
        dismissible={!pending}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button variant="danger" onClick={() => void confirm()} disabled={pending || !confirmed}>
              {pending ? t("deleting") : t("confirm")}
            </Button>
          </>
        }
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
            {t("typeName", { name })}
          </label>
          <input
            id={inputId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            disabled={pending}
            className={inputClasses}
          />
        </form>
        {error ? <InlineError>{error}</InlineError> : null}
      </Dialog>
    </section>
  );
}

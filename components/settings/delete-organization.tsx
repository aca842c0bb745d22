"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { deleteOrganization } from "@/app/org/[orgId]/settings/organization-actions";
import { useTeamAction } from "@/components/members/use-team-action";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { InlineError, inputClasses } from "@/components/ui/field";
import { api } from "@/convex/_generated/api";
import { confirmsName, ORGANIZATION_DELETED_NOTICE } from "@/lib/auth/organization";
import { SELECT_ORG_PATH } from "@/lib/auth/routes";

/**
 * The owner's danger zone, its own card at the very bottom of Settings so nobody meets it first.
 * Nothing renders for admins and members, nor while the organization loads.
 */
export function DeleteOrganizationCard({ orgId }: { orgId: string }) {
  const t = useTranslations("organizationSettings.delete");
  const org = useQuery(api.organizations.current, { orgId });
  if (org?.role !== "owner") return null;
  return (
    <Card tone="danger">
      <CardHeader title={<span className="text-rose-900">{t("title")}</span>} description={t("description")} />
      <CardBody>
        <DeleteOrganization orgId={orgId} name={org.name} />
      </CardBody>
    </Card>
  );
}

/**
 * Deleting asks for the organization's name, typed. The provider deletes it; Convex then logs out
 * every WhatsApp number and erases the data in the background.
 */
function DeleteOrganization({ orgId, name }: { orgId: string; name: string }) {
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
    <>
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
    </>
  );
}

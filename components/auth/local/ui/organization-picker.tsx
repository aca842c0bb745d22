"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { RoleBadge } from "@/components/org/role-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import type { LocalOrgView } from "@/lib/auth/local/model";
import { useLocalAuth } from "../context";
import { CreateOrgForm } from "./create-org-form";
import { useOpenOrg } from "./use-open-org";

type OrgRowProps = { org: LocalOrgView; active: boolean; pending: boolean; disabled: boolean; onOpen: () => void };

function OrgRow({ org, active, pending, disabled, onOpen }: OrgRowProps) {
  const t = useTranslations("localAuth.picker");
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        disabled={disabled}
        aria-current={active ? "true" : undefined}
        className="flex w-full items-center justify-between gap-4 px-5 py-4 text-left hover:bg-slate-50 disabled:opacity-60"
      >
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{org.name}</span>
          <span className="block truncate text-sm text-slate-500">{org.slug}</span>
        </span>
        <span className="flex shrink-0 items-center gap-2">
          {active ? <Badge tone="brand">{t("active")}</Badge> : null}
          <RoleBadge role={org.role} />
          <span className="flex items-center gap-1 text-sm font-medium text-brand-700">
            {pending ? <Spinner className="size-4" /> : null}
            {pending ? t("opening") : t("open")}
          </span>
        </span>
      </button>
    </li>
  );
}

/** /select-org: the user's organizations (open one) and a form to create another. */
export function LocalOrganizationPicker() {
  const t = useTranslations("localAuth.picker");
  const { viewer } = useLocalAuth();
  const { openOrg, pendingOrgId, error } = useOpenOrg();
  const listTitleId = useId();
  const orgs = viewer?.orgs ?? [];

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("listTitle")} titleId={listTitleId} />
        {orgs.length === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <ul aria-labelledby={listTitleId} className="divide-y divide-slate-100">
            {orgs.map((org) => (
              <OrgRow
                key={org.id}
                org={org}
                active={org.id === viewer?.activeOrgId}
                pending={org.id === pendingOrgId}
                disabled={pendingOrgId !== null}
                onOpen={() => openOrg(org.id)}
              />
            ))}
          </ul>
        )}
        {error ? (
          <p role="alert" className="border-t border-slate-100 px-5 py-3 text-sm text-rose-700">
            {error}
          </p>
        ) : null}
      </Card>
      <Card>
        <CardHeader title={t("createTitle")} description={t("createDescription")} />
        <CardBody>
          <CreateOrgForm />
        </CardBody>
      </Card>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { RoleBadge } from "@/components/org/role-badge";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { SELECT_ORG_PATH } from "@/lib/auth/routes";
import { useLocalAuth } from "../context";
import { Popover } from "./popover";
import { useOpenOrg } from "./use-open-org";

/** The active organization in the header; opens a list of the user's organizations to switch to. */
export function LocalOrgSwitcher() {
  const t = useTranslations("localAuth.orgSwitcher");
  const { viewer } = useLocalAuth();
  const { openOrg, pendingOrgId, error } = useOpenOrg();
  const listId = useId();
  if (viewer === null) return null;
  const active = viewer.orgs.find((org) => org.id === viewer.activeOrgId) ?? null;

  return (
    <div className="flex items-center gap-2">
      <Popover
        label={`${t("open")}: ${active?.name ?? t("none")}`}
        trigger={<span className="max-w-48 truncate">{active?.name ?? t("none")}</span>}
        triggerClassName="border border-slate-200"
      >
        {(close) => (
          <div className="space-y-1">
            <p id={listId} className="px-2 pt-1 text-xs font-medium text-slate-500">
              {t("listLabel")}
            </p>
            <ul aria-labelledby={listId} className="space-y-1">
              {viewer.orgs.map((org) => (
                <li key={org.id}>
                  <button
                    type="button"
                    aria-current={org.id === viewer.activeOrgId ? "true" : undefined}
                    disabled={pendingOrgId !== null}
                    onClick={() => {
                      close();
                      openOrg(org.id);
                    }}
                    className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
                  >
                    <span className="truncate">{org.name}</span>
                    <span className="flex shrink-0 items-center gap-1">
                      {org.id === viewer.activeOrgId ? <Badge tone="brand">{t("active")}</Badge> : null}
                      <RoleBadge role={org.role} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="border-t border-slate-100 pt-1">
              <Link
                href={SELECT_ORG_PATH}
                onClick={close}
                className="block rounded-md px-2 py-2 text-sm text-brand-700 hover:bg-slate-100"
              >
                {t("manage")}
              </Link>
            </div>
          </div>
        )}
      </Popover>
      {pendingOrgId !== null ? (
        <span role="status" className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner className="size-4" />
          <span className="sr-only">{t("switching")}</span>
        </span>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

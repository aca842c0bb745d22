"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { ORG_ROLES } from "@/lib/auth/claims";
import { localAuthApi } from "@/lib/auth/local/api";
import { safeReturnPath, type LocalAccount } from "@/lib/auth/local/model";
import { orgPath, SELECT_ORG_PATH } from "@/lib/auth/routes";
import { useAuthErrorMessage, useLocalAuth } from "../context";
import { loadPage } from "./full-load";
import { Initials } from "./initials";
import { InvitationList } from "./invitation-list";

/** "owner of Acme Vendas; member of Bella Imóveis", strongest role first. */
function useMemberships(): (account: LocalAccount) => string {
  const t = useTranslations("localAuth.signIn");
  return (account) => {
    const groups = [...ORG_ROLES].reverse().flatMap((role) => {
      const names = account.orgs.filter((org) => org.role === role).map((org) => org.name);
      return names.length > 0 ? [t("roleOf", { role, orgs: names.join(", ") })] : [];
    });
    return groups.length > 0 ? groups.join("; ") : t("noOrganizations");
  };
}

type AccountButtonProps = { account: LocalAccount; memberships: string; pending: boolean; disabled: boolean; onSelect: () => void };

function AccountButton({ account, memberships, pending, disabled, onSelect }: AccountButtonProps) {
  const t = useTranslations("localAuth.signIn");
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        disabled={disabled}
        className="flex w-full items-center gap-3 rounded-md border border-slate-200 px-4 py-3 text-left hover:border-brand-600 hover:bg-brand-50 disabled:opacity-60"
      >
        <Initials name={account.name} />
        <span className="min-w-0 flex-1">
          {/* The name is what the button shows, with the verb first for screen readers. */}
          <span className="sr-only">{t("signInAs")} </span>
          <span className="block truncate font-medium text-slate-900">{account.name}</span>
          <span className="block truncate text-sm text-slate-600">{account.email}</span>
          <span className="block text-xs text-slate-600 first-letter:uppercase">{memberships}</span>
        </span>
        {pending ? <Spinner className="size-4" /> : null}
      </button>
    </li>
  );
}

/** One button per directory user; signing in goes back to where the visitor was going. */
function AccountPicker({ notice }: { notice?: string }) {
  const t = useTranslations("localAuth.signIn");
  const { accounts } = useLocalAuth();
  const returnTo = safeReturnPath(useSearchParams().get("redirect_url"));
  const membershipsOf = useMemberships();
  const errorMessage = useAuthErrorMessage();
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signIn(userId: string) {
    setPendingUserId(userId);
    setError(null);
    try {
      const viewer = await localAuthApi.signIn(userId);
      loadPage(returnTo ?? (viewer.activeOrgId ? orgPath(viewer.activeOrgId) : SELECT_ORG_PATH));
    } catch (failure) {
      setError(errorMessage(failure));
      setPendingUserId(null);
    }
  }

  return (
    <Card className="w-full max-w-md self-start">
      <CardBody className="space-y-5 py-6">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="text-sm text-slate-600">{notice ?? t("description")}</p>
        </div>
        <InvitationList />
        {accounts.length === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <ul aria-label={t("listLabel")} className="space-y-2">
            {accounts.map((account) => (
              <AccountButton
                key={account.id}
                account={account}
                memberships={membershipsOf(account)}
                pending={account.id === pendingUserId}
                disabled={pendingUserId !== null}
                onSelect={() => void signIn(account.id)}
              />
            ))}
          </ul>
        )}
        {pendingUserId !== null ? (
          <p role="status" className="sr-only">
            {t("signingIn")}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function LocalSignInScreen() {
  return <AccountPicker />;
}

/** There is no sign-up locally: the same accounts, with a word on why. */
export function LocalSignUpScreen() {
  const t = useTranslations("localAuth.signIn");
  return <AccountPicker notice={t("signUpNotice")} />;
}

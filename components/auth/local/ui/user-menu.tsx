"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { localAuthApi } from "@/lib/auth/local/api";
import { SIGN_IN_PATH } from "@/lib/auth/routes";
import { useAuthErrorMessage, useLocalAuth } from "../context";
import { loadPage } from "./full-load";
import { Initials } from "./initials";
import { Popover } from "./popover";

function SignOutButton() {
  const t = useTranslations("localAuth.userMenu");
  const errorMessage = useAuthErrorMessage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    try {
      await localAuthApi.signOut();
      loadPage(SIGN_IN_PATH);
    } catch (failure) {
      setError(errorMessage(failure));
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="secondary" size="sm" className="w-full" onClick={() => void signOut()} disabled={pending}>
        {pending ? t("signingOut") : t("signOut")}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The signed-in person's name and the way out; a sign-in link when nobody is signed in. */
export function LocalUserMenu() {
  const t = useTranslations();
  const { viewer } = useLocalAuth();
  if (viewer === null) {
    return (
      <ButtonLink href={SIGN_IN_PATH} variant="secondary" size="sm">
        {t("common.signIn")}
      </ButtonLink>
    );
  }
  const { name, email } = viewer.user;
  return (
    <Popover
      label={`${t("localAuth.userMenu.open")}: ${name}`}
      trigger={
        <>
          <Initials name={name} />
          <span className="max-w-40 truncate sm:hidden lg:inline">{name}</span>
        </>
      }
      panelClassName="sm:right-0"
    >
      {() => (
        <div className="space-y-3 p-2">
          <div className="min-w-0">
            <p className="text-xs text-slate-500">{t("localAuth.userMenu.signedInAs")}</p>
            <p className="truncate text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-sm text-slate-600">{email}</p>
          </div>
          <Link href={SIGN_IN_PATH} className="block rounded-md px-1 py-1 text-sm text-brand-700 hover:underline">
            {t("localAuth.userMenu.switchAccount")}
          </Link>
          <SignOutButton />
        </div>
      )}
    </Popover>
  );
}

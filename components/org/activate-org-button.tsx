"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useActivateOrg } from "@/components/auth/client";

/** Tries to make the organization of the URL the active one, then re-runs the server check. */
export function ActivateOrgButton({ orgId }: { orgId: string }) {
  const t = useTranslations("orgGate.mismatch");
  const activate = useActivateOrg();
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const [isPending, startTransition] = useTransition();

  function onClick() {
    setFailed(false);
    startTransition(async () => {
      try {
        await activate(orgId);
        router.refresh();
      } catch {
        setFailed(true);
      }
    });
  }

  return (
    <div className="flex flex-col items-center gap-2">
      <Button variant="secondary" onClick={onClick} disabled={isPending}>
        {isPending ? t("activating") : t("activateAction")}
      </Button>
      {failed ? (
        <p role="alert" className="max-w-sm text-sm text-rose-700">
          {t("activateFailed")}
        </p>
      ) : null}
    </div>
  );
}

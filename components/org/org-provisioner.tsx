"use client";

import { useConvexAuth, useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { AppErrorState } from "@/components/data/app-error-state";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { toAppErrorData, type AppErrorData } from "@/lib/errors";
import { useActiveOrgId } from "@/components/auth/client";
import { OrgMismatchNotice } from "./org-mismatch-notice";

type Outcome = { key: string } & ({ ok: true } | { ok: false; error: AppErrorData });

// Convex briefly reports "not authenticated" while it swaps tokens, and the client's active org
// lags an org switch; only a state that lasts this long is shown as a problem.
const GRACE_MS = 5000;

/** True once `active` has held for `ms` without interruption. */
function useHeldFor(active: boolean, ms: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => {
      clearTimeout(timer);
      setElapsed(false);
    };
  }, [active, ms]);
  return active && elapsed;
}

type Phase = "signedOut" | "elsewhere" | "connecting" | "switching" | "ready";

function phaseOf(state: { signedOut: boolean; elsewhere: boolean; isAuthenticated: boolean; ready: boolean }): Phase {
  if (state.signedOut) return "signedOut";
  if (state.elsewhere) return "elsewhere";
  if (!state.isAuthenticated) return "connecting";
  return state.ready ? "ready" : "switching";
}

/**
 * Runs `viewer.provision` once per organization (and per retry) as soon as Convex holds a token
 * for that organization, so a brand-new org exists before any org query asks for it.
 */
function useProvision(orgId: string) {
  const { isLoading, isAuthenticated } = useConvexAuth();
  const activeOrgId = useActiveOrgId();
  const provision = useMutation(api.viewer.provision);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = `${orgId}#${attempt}`;
  const ready = isAuthenticated && activeOrgId === orgId;
  const settled = outcome?.key === key;
  const signedOut = useHeldFor(!isLoading && !isAuthenticated, GRACE_MS);
  // E.g. another tab switched the session to a different organization.
  const elsewhere = useHeldFor(isAuthenticated && activeOrgId !== undefined && activeOrgId !== orgId, GRACE_MS);

  useEffect(() => {
    if (!ready || settled) return;
    let cancelled = false;
    provision({}).then(
      (result) => {
        if (cancelled) return;
        const mismatch: AppErrorData = { code: "ORG_MISMATCH", message: "" };
        setOutcome(result.orgId === orgId ? { key, ok: true } : { key, ok: false, error: mismatch });
      },
      (error: unknown) => {
        if (!cancelled) setOutcome({ key, ok: false, error: toAppErrorData(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ready, settled, key, orgId, provision]);

  const phase = phaseOf({ signedOut, elsewhere, isAuthenticated, ready });
  return { phase, outcome: settled ? outcome : null, retry: () => setAttempt((n) => n + 1) } as const;
}

export function OrgProvisioner({ orgId, children }: { orgId: string; children: ReactNode }) {
  const t = useTranslations("provision");
  const { phase, outcome, retry } = useProvision(orgId);

  if (phase === "signedOut") {
    return (
      <ErrorState
        title={t("signedOutTitle")}
        body={t("signedOutBody")}
        action={<Button onClick={() => window.location.reload()}>{t("reload")}</Button>}
      />
    );
  }
  if (phase === "elsewhere") return <OrgMismatchNotice orgId={orgId} />;
  if (outcome && !outcome.ok) return <AppErrorState error={outcome.error} title={t("failedTitle")} onRetry={retry} />;
  // Children unmount while the client switches org, so no query runs with the other org's token.
  if (outcome?.ok && phase === "ready") return children;
  return <LoadingState label={t(phase === "ready" ? "preparing" : phase)} />;
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { orgPath } from "@/lib/auth/routes";
import { useAuthErrorMessage, useLocalActivateOrg } from "../context";

/**
 * Makes an organization active, then goes to it. Buttons, not links: a prefetched link to
 * /org/<id> would switch the session's organization (organization sync) before anyone clicked.
 */
export function useOpenOrg() {
  const activate = useLocalActivateOrg();
  const router = useRouter();
  const errorMessage = useAuthErrorMessage();
  const [pendingOrgId, setPendingOrgId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function openOrg(orgId: string) {
    setPendingOrgId(orgId);
    setError(null);
    try {
      await activate(orgId);
      router.push(orgPath(orgId));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPendingOrgId(null);
    }
  }

  return { openOrg: (orgId: string) => void openOrg(orgId), pendingOrgId, error };
}

"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { localAuthApi, LocalAuthRequestError } from "@/lib/auth/local/api";
import type { LocalAccount, LocalInvitationView, LocalViewer } from "@/lib/auth/local/model";
import { orgToActivate } from "@/lib/auth/local/org-sync";
import type { ConvexAuthState } from "../types";

type LocalAuthValue = {
  viewer: LocalViewer | null;
  accounts: LocalAccount[];
  invitations: LocalInvitationView[];
  setViewer: (viewer: LocalViewer | null) => void;
};

const LocalAuthContext = createContext<LocalAuthValue | null>(null);

/**
 * Organization sync on the client. The proxy already switched the cookie when the page was
 * requested, but a page restored from the router cache (back/forward) never reached it, so the
 * client asks for the switch itself and adopts the answer: cookie and client state never disagree.
 */
function useOrganizationSync(viewer: LocalViewer | null, setViewer: (viewer: LocalViewer) => void) {
  const pathname = usePathname();
  const target = viewer ? orgToActivate(pathname, viewer.activeOrgId, viewer.orgs.map((org) => org.id)) : null;
  useEffect(() => {
    if (target === null) return;
    let cancelled = false;
    // A refusal leaves everything as it is; the org layout then explains the mismatch.
    void localAuthApi.setActiveOrg(target).then(
      (next) => {
        if (!cancelled) setViewer(next);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [target, setViewer]);
}

type ProviderProps = { viewer: LocalViewer | null; accounts: LocalAccount[]; invitations: LocalInvitationView[]; children: ReactNode };

/** Holds the signed-in person on the client, seeded by the server and updated by every auth call. */
export function LocalAuthProvider({ viewer: fromServer, accounts, invitations, children }: ProviderProps) {
  const [viewer, setViewer] = useState(fromServer);
  const [lastFromServer, setLastFromServer] = useState(fromServer);
  // A server re-render (router.refresh, full load) knows best: adopt what it sends.
  if (fromServer !== lastFromServer) {
    setLastFromServer(fromServer);
    setViewer(fromServer);
  }
  useOrganizationSync(viewer, setViewer);

  const value = useMemo(() => ({ viewer, accounts, invitations, setViewer }), [viewer, accounts, invitations]);
  return <LocalAuthContext value={value}>{children}</LocalAuthContext>;
}

export function useLocalAuth(): LocalAuthValue {
  const value = use(LocalAuthContext);
  if (value === null) throw new Error("Local auth components must be rendered inside LocalRoot.");
  return value;
}

// Fetch a new token this long before the current one expires.
const REFRESH_MARGIN_MS = 60_000;

/** One fetcher per user and active org: a new org means a new fetcher, so Convex re-authenticates. */
function tokenFetcher(_sessionKey: string): ConvexAuthState["fetchAccessToken"] {
  let cached: { token: string; expiresAtMs: number } | null = null;
  let inFlight: Promise<string | null> | null = null;
  const fetchFresh = async () => {
    try {
      const { token, expiresAt } = await localAuthApi.token();
      cached = { token, expiresAtMs: expiresAt * 1000 };
      return token;
    } catch {
      cached = null;
      return null;
    } finally {
      inFlight = null;
    }
  };
  return ({ forceRefreshToken }) => {
    if (!forceRefreshToken && cached !== null && cached.expiresAtMs - REFRESH_MARGIN_MS > Date.now()) {
      return Promise.resolve(cached.token);
    }
    inFlight ??= fetchFresh();
    return inFlight;
  };
}

export function useLocalAuthForConvex(): ConvexAuthState {
  const { viewer } = useLocalAuth();
  const sessionKey = viewer === null ? "" : `${viewer.user.id}|${viewer.activeOrgId ?? ""}`;
  const fetchAccessToken = useMemo(() => tokenFetcher(sessionKey), [sessionKey]);
  const isAuthenticated = viewer !== null;
  return useMemo(() => ({ isLoading: false, isAuthenticated, fetchAccessToken }), [isAuthenticated, fetchAccessToken]);
}

export function useLocalActiveOrgId(): string | null | undefined {
  return useLocalAuth().viewer?.activeOrgId ?? null;
}

export function useLocalActivateOrg(): (orgId: string) => Promise<void> {
  const { setViewer } = useLocalAuth();
  return useCallback(
    async (orgId: string) => {
      setViewer(await localAuthApi.setActiveOrg(orgId));
    },
    [setViewer],
  );
}

/** The user-facing sentence for a failed auth call. */
export function useAuthErrorMessage(): (error: unknown) => string {
  const t = useTranslations();
  return useCallback(
    (error: unknown) => {
      const code = error instanceof LocalAuthRequestError ? error.code : "INTERNAL_ERROR";
      return code === "NETWORK" ? t("localAuth.networkError") : t(`errors.codes.${code}`);
    },
    [t],
  );
}

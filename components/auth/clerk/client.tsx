"use client";

import { OrganizationList, OrganizationSwitcher, SignIn, SignUp, UserButton, useAuth, useClerk } from "@clerk/nextjs";
import { useCallback, useMemo } from "react";
import { CONVEX_JWT_TEMPLATE } from "@/lib/auth/clerk/env";
import { AFTER_SIGN_IN_PATH, ONBOARDING_SUBPATH, orgPath, SELECT_ORG_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import type { ClientAuth, ConvexAuthState } from "../types";

const ORG_URL = "/org/:id";
// A new organization starts on its first-run checklist.
const newOrgUrl = (organization: { id: string }) => orgPath(organization.id, ONBOARDING_SUBPATH);

type GetToken = ReturnType<typeof useAuth>["getToken"];

function tokenFetcher(getToken: GetToken, _sessionKey: string): ConvexAuthState["fetchAccessToken"] {
  return async ({ forceRefreshToken }) => {
    try {
      return await getToken({ template: CONVEX_JWT_TEMPLATE, skipCache: forceRefreshToken });
    } catch {
      return null;
    }
  };
}

function useClerkAuthForConvex(): ConvexAuthState {
  const { isLoaded, isSignedIn, getToken, sessionId, orgId, orgRole } = useAuth();
  // A new fetcher per session/org/role makes Convex re-authenticate with a token for the new org.
  const sessionKey = `${sessionId ?? ""}|${orgId ?? ""}|${orgRole ?? ""}`;
  const fetchAccessToken = useMemo(() => tokenFetcher(getToken, sessionKey), [getToken, sessionKey]);
  return useMemo(
    () => ({ isLoading: !isLoaded, isAuthenticated: isSignedIn ?? false, fetchAccessToken }),
    [isLoaded, isSignedIn, fetchAccessToken],
  );
}

function useClerkActiveOrgId(): string | null | undefined {
  const { isLoaded, orgId } = useAuth();
  return isLoaded ? (orgId ?? null) : undefined;
}

function useClerkActivateOrg(): (orgId: string) => Promise<void> {
  const { setActive } = useClerk();
  return useCallback((orgId: string) => setActive({ organization: orgId }), [setActive]);
}

function ClerkUserMenu() {
  return <UserButton />;
}

function ClerkOrgSwitcher() {
  return (
    <OrganizationSwitcher
      hidePersonal
      afterSelectOrganizationUrl={ORG_URL}
      afterCreateOrganizationUrl={newOrgUrl}
      afterLeaveOrganizationUrl={SELECT_ORG_PATH}
    />
  );
}

function ClerkOrganizationPicker() {
  return <OrganizationList hidePersonal afterSelectOrganizationUrl={ORG_URL} afterCreateOrganizationUrl={newOrgUrl} />;
}

function ClerkSignInScreen() {
  return <SignIn path={SIGN_IN_PATH} signUpUrl={SIGN_UP_PATH} fallbackRedirectUrl={AFTER_SIGN_IN_PATH} />;
}

function ClerkSignUpScreen() {
  return <SignUp path={SIGN_UP_PATH} signInUrl={SIGN_IN_PATH} fallbackRedirectUrl={AFTER_SIGN_IN_PATH} />;
}

export const clerkClientAuth: ClientAuth = {
  useAuthForConvex: useClerkAuthForConvex,
  useActiveOrgId: useClerkActiveOrgId,
  useActivateOrg: useClerkActivateOrg,
  UserMenu: ClerkUserMenu,
  OrgSwitcher: ClerkOrgSwitcher,
  OrganizationPicker: ClerkOrganizationPicker,
  SignInScreen: ClerkSignInScreen,
  SignUpScreen: ClerkSignUpScreen,
};

import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";

/** Server component that wraps the whole app with the implementation's own context. */
export type AuthRootComponent = (props: { locale: Locale; children: ReactNode }) => ReactNode;

/** What `ConvexProviderWithAuth` expects from its `useAuth` prop. */
export type ConvexAuthState = {
  isLoading: boolean;
  isAuthenticated: boolean;
  fetchAccessToken: (args: { forceRefreshToken: boolean }) => Promise<string | null>;
};

/** Client half of an auth implementation (components/auth/<provider>/client.tsx). Hooks must be real hooks. */
export type ClientAuth = {
  useAuthForConvex: () => ConvexAuthState;
  /** The active org id on the client; undefined while loading, null when none. */
  useActiveOrgId: () => string | null | undefined;
  /** Makes `orgId` the active organization; rejects when the user cannot act in it. */
  useActivateOrg: () => (orgId: string) => Promise<void>;
  UserMenu: () => ReactNode;
  OrgSwitcher: () => ReactNode;
  OrganizationPicker: () => ReactNode;
  SignInScreen: () => ReactNode;
  SignUpScreen: () => ReactNode;
};

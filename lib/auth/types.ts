import type { ReactNode } from "react";
import type { OrgRole } from "./claims";
import type { Locale } from "../i18n/config";

/** Who is signed in on the server side of a request, and in which organization. */
export type Session = {
  userId: string;
  orgId: string | null;
  orgRole: OrgRole | null;
  orgSlug: string | null;
};

/** Server half of an auth implementation (lib/auth/<provider>/server.ts). */
export type ServerAuth = {
  getSession(): Promise<Session | null>;
  /** A JWT Convex accepts for the current session, or null when signed out. */
  getConvexToken(): Promise<string | null>;
};

/** Server component that wraps the whole app with the implementation's own context. */
export type AuthRootComponent = (props: { locale: Locale; children: ReactNode }) => ReactNode;

/** What `ConvexProviderWithAuth` expects from its `useAuth` prop. */
export type ConvexAuthState = {
  isLoading: boolean;
  isAuthenticated: boolean;
  fetchAccessToken: (args: { forceRefreshToken: boolean }) => Promise<string | null>;
};

/** Client half of an auth implementation (lib/auth/<provider>/client.tsx). Hooks must be real hooks. */
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

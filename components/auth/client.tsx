"use client";

import { ConvexProviderWithAuth, ConvexReactClient } from "convex/react";
import { createContext, use, useState, type ReactNode } from "react";
import type { AuthProviderName } from "@/lib/auth/provider";
import { clerkClientAuth } from "./clerk/client";
import { localClientAuth } from "./local/client";
import type { ClientAuth } from "./types";

const CLIENT_AUTH = {
  clerk: clerkClientAuth,
  local: localClientAuth,
} satisfies Record<AuthProviderName, ClientAuth>;

const ClientAuthContext = createContext<ClientAuth | null>(null);

function useClientAuth(): ClientAuth {
  const auth = use(ClientAuthContext);
  if (auth === null) throw new Error("Auth components must be rendered inside AuthRoot.");
  return auth;
}

export function AuthClientProvider(props: { provider: AuthProviderName; convexUrl: string; children: ReactNode }) {
  const auth = CLIENT_AUTH[props.provider];
  const [convex] = useState(() => new ConvexReactClient(props.convexUrl));
  return (
    <ClientAuthContext value={auth}>
      <ConvexProviderWithAuth client={convex} useAuth={auth.useAuthForConvex}>
        {props.children}
      </ConvexProviderWithAuth>
    </ClientAuthContext>
  );
}

/** The active organization on the client: undefined while loading, null when none is active. */
export function useActiveOrgId(): string | null | undefined {
  return useClientAuth().useActiveOrgId();
}

/** Returns a function that makes an organization the active one (rejects when that is not allowed). */
export function useActivateOrg(): (orgId: string) => Promise<void> {
  return useClientAuth().useActivateOrg();
}

type Screen = "UserMenu" | "OrgSwitcher" | "OrganizationPicker" | "SignInScreen" | "SignUpScreen";

/** The configured implementation's own component for one piece of auth UI. */
function screen(name: Screen) {
  function AuthScreen() {
    const Impl = useClientAuth()[name];
    return <Impl />;
  }
  AuthScreen.displayName = name;
  return AuthScreen;
}

export const UserMenu = screen("UserMenu");
export const OrgSwitcher = screen("OrgSwitcher");
/** Choose one of your organizations or create one, then land in it. */
export const OrganizationPicker = screen("OrganizationPicker");
export const SignInScreen = screen("SignInScreen");
export const SignUpScreen = screen("SignUpScreen");

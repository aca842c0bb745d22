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

export function UserMenu() {
  const { UserMenu: Impl } = useClientAuth();
  return <Impl />;
}

export function OrgSwitcher() {
  const { OrgSwitcher: Impl } = useClientAuth();
  return <Impl />;
}

/** Choose one of your organizations or create one, then land in it. */
export function OrganizationPicker() {
  const { OrganizationPicker: Impl } = useClientAuth();
  return <Impl />;
}

export function SignInScreen() {
  const { SignInScreen: Impl } = useClientAuth();
  return <Impl />;
}

export function SignUpScreen() {
  const { SignUpScreen: Impl } = useClientAuth();
  return <Impl />;
}

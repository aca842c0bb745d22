import "server-only";
import type { ReactNode } from "react";
import type { Locale } from "../i18n/config";
import { AuthClientProvider } from "./client";
import { ClerkRoot } from "./clerk/root";
import { LocalRoot } from "./local/root";
import type { AuthProviderName } from "./provider";
import type { AuthRootComponent } from "./types";

const ROOTS = {
  clerk: ClerkRoot,
  local: LocalRoot,
} satisfies Record<AuthProviderName, AuthRootComponent>;

type AuthRootProps = {
  provider: AuthProviderName;
  locale: Locale;
  convexUrl: string;
  children: ReactNode;
};

/** Auth context of the chosen implementation plus a Convex client that authenticates through it. */
export function AuthRoot({ provider, locale, convexUrl, children }: AuthRootProps) {
  const Root = ROOTS[provider];
  return (
    <Root locale={locale}>
      <AuthClientProvider provider={provider} convexUrl={convexUrl}>
        {children}
      </AuthClientProvider>
    </Root>
  );
}

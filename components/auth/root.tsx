import "server-only";
import type { ReactNode } from "react";
import type { AuthProviderName } from "@/lib/auth/provider";
import type { Locale } from "@/lib/i18n/config";
import { ClerkRoot } from "./clerk/root";
import { AuthClientProvider } from "./client";
import { LocalRoot } from "./local/root";
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

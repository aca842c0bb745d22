import "server-only";
import { ClerkProvider } from "@clerk/nextjs";
import { ptBR } from "@clerk/localizations/pt-BR";
import type { ReactNode } from "react";
import { CLERK_PUBLISHABLE_KEY_ENV } from "@/lib/auth/clerk/env";
import { AFTER_SIGN_IN_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import { readEnv } from "@/lib/auth/setup";
import type { Locale } from "@/lib/i18n/config";

// Clerk's own widgets (sign-in, switchers) follow the app language; English is Clerk's default.
const LOCALIZATIONS: Partial<Record<Locale, typeof ptBR>> = { "pt-BR": ptBR };

export function ClerkRoot({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ClerkProvider
      publishableKey={readEnv(CLERK_PUBLISHABLE_KEY_ENV)}
      localization={LOCALIZATIONS[locale]}
      signInUrl={SIGN_IN_PATH}
      signUpUrl={SIGN_UP_PATH}
      signInFallbackRedirectUrl={AFTER_SIGN_IN_PATH}
      signUpFallbackRedirectUrl={AFTER_SIGN_IN_PATH}
      afterSignOutUrl={SIGN_IN_PATH}
      appearance={{ variables: { colorPrimary: "#059669" } }}
    >
      {children}
    </ClerkProvider>
  );
}

import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SetupRequired } from "@/components/app/setup-required";
import { AuthRoot } from "@/components/auth/root";
import { readRuntimeConfig } from "./_lib/runtime-config";
import "./globals.css";

// Everything depends on the request (session, language cookie, runtime settings): never prerender.
export const dynamic = "force-dynamic";

// viewport-fit=cover lets the pinned composer pad itself for the home indicator (env(safe-area-inset-*)).
export const viewport: Viewport = { width: "device-width", initialScale: 1, viewportFit: "cover" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const config = readRuntimeConfig();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <NextIntlClientProvider>
          {config.ready ? (
            <AuthRoot provider={config.provider} locale={locale} convexUrl={config.convexUrl}>
              {children}
            </AuthRoot>
          ) : (
            <SetupRequired problems={config.problems} />
          )}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

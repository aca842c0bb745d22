import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { PageFrame } from "./page-frame";

/** Centers a provider's sign-in or sign-up widget under the app header. */
export function AuthScreenFrame({ children }: { children: ReactNode }) {
  return (
    <PageFrame controls={<LanguageSwitcher />} className="flex justify-center">
      {children}
    </PageFrame>
  );
}

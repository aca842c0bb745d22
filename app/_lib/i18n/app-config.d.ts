import type { Locale } from "@/lib/i18n/config";
import type messages from "@/lib/i18n/messages/en.json";

// Type-checks every translation key against the English catalogue (pt-BR must match it; a test checks).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}

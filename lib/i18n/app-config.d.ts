import type { Locale } from "./config";
import type messages from "./messages/en.json";

// Type-checks every translation key against the English catalogue (pt-BR must match it; a test checks).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}

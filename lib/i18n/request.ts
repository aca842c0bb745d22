import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, type Locale } from "./config";
import { resolveLocale } from "./resolve-locale";

const MESSAGES = {
  en: () => import("./messages/en.json"),
  "pt-BR": () => import("./messages/pt-BR.json"),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const messages = (await MESSAGES[locale]()).default;
  return { locale, messages };
});

import { useTranslations } from "next-intl";

/** Shown on every page while the local issuer signs people in, so nobody mistakes it for production. */
export function LocalDevBanner() {
  const t = useTranslations("localAuth.banner");
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
      <strong className="font-semibold">{t("title")}</strong> {t("body")}
    </div>
  );
}

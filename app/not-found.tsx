import { useTranslations } from "next-intl";
import { PageFrame } from "@/components/app/page-frame";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  const t = useTranslations();
  return (
    <PageFrame controls={<LanguageSwitcher />}>
      <EmptyState
        title={t("notFound.title")}
        titleAs="h1"
        body={t("notFound.body")}
        action={<ButtonLink href="/">{t("common.backHome")}</ButtonLink>}
      />
    </PageFrame>
  );
}

import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { Card, CardBody } from "@/components/ui/card";
import { PageFrame } from "./page-frame";

/** Shown instead of the app when the deployment lacks the settings auth or Convex need. */
export function SetupRequired({ problems }: { problems: string[] }) {
  const t = useTranslations("setup");
  return (
    <PageFrame controls={<LanguageSwitcher />} className="max-w-2xl">
      <Card>
        <CardBody className="space-y-4 py-6">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("body")}</p>
          <div>
            <h2 className="text-sm font-medium text-slate-900">{t("missingLabel")}</h2>
            <ul className="mt-2 space-y-1">
              {problems.map((name) => (
                <li key={name}>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-800">{name}</code>
                </li>
              ))}
            </ul>
          </div>
          <p className="text-sm text-slate-500">{t("hint")}</p>
        </CardBody>
      </Card>
    </PageFrame>
  );
}

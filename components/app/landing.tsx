import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { ButtonLink } from "@/components/ui/button";
import { SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import { PageFrame } from "./page-frame";

const FEATURES = ["connect", "spin", "dashboards", "takeover"] as const;
const STAGES = ["S", "P", "I", "N"] as const;

export function Landing() {
  const t = useTranslations();
  return (
    <PageFrame
      controls={
        <>
          <LanguageSwitcher />
          <ButtonLink href={SIGN_IN_PATH} variant="secondary" size="sm">
            {t("common.signIn")}
          </ButtonLink>
        </>
      }
      className="py-16"
    >
      <section aria-labelledby="hero-title" className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("landing.eyebrow")}</p>
        <h1 id="hero-title" className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          {t("landing.title")}
        </h1>
        <p className="mt-5 text-lg leading-8 text-slate-600">{t("landing.subtitle")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href={SIGN_IN_PATH} size="lg">
            {t("landing.primaryCta")}
          </ButtonLink>
          <ButtonLink href={SIGN_UP_PATH} size="lg" variant="secondary">
            {t("landing.secondaryCta")}
          </ButtonLink>
        </div>
        <ol aria-hidden="true" className="mt-10 flex gap-2">
          {STAGES.map((stage) => (
            <li
              key={stage}
              className="grid size-10 place-items-center rounded-full bg-brand-50 font-semibold text-brand-800 ring-1 ring-brand-100"
            >
              {stage}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="features-title" className="mt-16">
        <h2 id="features-title" className="text-xl font-semibold text-slate-900">
          {t("landing.featuresTitle")}
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {FEATURES.map((feature) => (
            <li key={feature} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h3 className="font-semibold text-slate-900">{t(`landing.features.${feature}.title`)}</h3>
              <p className="mt-2 text-sm text-slate-600">{t(`landing.features.${feature}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <footer className="mt-16 border-t border-slate-200 pt-6 text-sm text-slate-500">{t("landing.footer")}</footer>
    </PageFrame>
  );
}

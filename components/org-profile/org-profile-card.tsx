"use client";

import { useQuery } from "convex/react";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { TimezoneForm } from "@/components/settings/timezone-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { weekSummary } from "@/lib/business-hours-labels";
import { DefaultLanguageForm } from "./default-language-form";
import { HoursEditor } from "./hours-editor";
import { OpeningStatusBadge } from "./opening-status";

function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-3 border-t border-slate-200 pt-5 first:border-t-0 first:pt-0">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  );
}

const ReadOnly = ({ children }: { children: ReactNode }) => <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{children}</p>;

/**
 * The organization's profile (its name lives with the auth provider): time zone, weekly business
 * hours and the bot language new agents start with. Owners and admins edit; members read.
 */
export function OrgProfileCard({ orgId }: { orgId: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const org = useQuery(api.organizations.current, { orgId });
  const rebuild = useQuery(api.metrics.rebuildStatus, { orgId });
  const canEdit = org !== undefined && roleAtLeast(org.role, "admin");

  return (
    <Card>
      <CardHeader title={t("orgProfile.title")} description={t("orgProfile.description")} />
      <CardBody className="space-y-6">
        {org === undefined ? (
          <LoadingState label={t("common.loading")} className="py-6" />
        ) : (
          <>
            <Section title={t("settings.timezone.title")}>
              <p className="text-sm text-slate-700">
                <span className="font-medium">{t("settings.timezone.current")}:</span> <span className="font-mono">{org.timezone}</span>
              </p>
              <p className="text-sm text-slate-600">{t("settings.timezone.description")}</p>
              {rebuild ? (
                <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                  {t("dashboard.recalculating", { timezone: rebuild.timeZone, processed: rebuild.processed })}
                </p>
              ) : null}
              {canEdit ? <TimezoneForm orgId={orgId} current={org.timezone} /> : <ReadOnly>{t("settings.timezone.readOnly")}</ReadOnly>}
            </Section>
            <Section title={t("orgProfile.hours.title")} aside={<OpeningStatusBadge hours={org.businessHours} timeZone={org.timezone} />}>
              <p className="text-sm text-slate-600">{t("orgProfile.hours.description", { timezone: org.timezone })}</p>
              {canEdit ? (
                <HoursEditor orgId={orgId} current={org.businessHours} />
              ) : (
                <>
                  <p className="text-sm text-slate-800">
                    {org.businessHours ? weekSummary(org.businessHours, locale.startsWith("pt") ? "pt" : "en") : t("orgProfile.hours.notSet")}
                  </p>
                  <ReadOnly>{t("orgProfile.hours.readOnly")}</ReadOnly>
                </>
              )}
            </Section>
            <Section title={t("orgProfile.language.title")}>
              {canEdit ? (
                <DefaultLanguageForm orgId={orgId} current={org.defaultBotLanguage} />
              ) : (
                <>
                  <p className="text-sm text-slate-800">{t(`agents.bot.languages.${org.defaultBotLanguage}`)}</p>
                  <ReadOnly>{t("orgProfile.language.readOnly")}</ReadOnly>
                </>
              )}
            </Section>
          </>
        )}
      </CardBody>
    </Card>
  );
}

"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { AuditEntries } from "./audit-entries";

/** Members get a clear refusal instead of a failing query; admins get the log in the org's time zone. */
export function AuditLog({ orgId }: { orgId: string }) {
  const t = useTranslations();
  const org = useQuery(api.organizations.current, { orgId });
  if (org === undefined) return <LoadingState label={t("common.loading")} />;
  if (!roleAtLeast(org.role, "admin")) {
    return (
      <Card>
        <ErrorState title={t("audit.forbiddenTitle")} body={t("audit.forbiddenBody")} />
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader title={t("audit.title")} description={t("audit.timesIn", { timezone: org.timezone })} />
      <AuditEntries orgId={orgId} timeZone={org.timezone} />
    </Card>
  );
}

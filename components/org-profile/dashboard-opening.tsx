"use client";

import { useQuery } from "convex/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { OpeningStatusBadge } from "./opening-status";

/**
 * The dashboard header's "Open now / Closed · opens Mon 9:00 AM", from the org's business hours; an
 * owner or admin who set none gets a link to set them. Computed on this clock: no extra server reads.
 */
export function DashboardOpening({ orgId }: { orgId: string }) {
  const t = useTranslations("orgProfile.status");
  const org = useQuery(api.organizations.current, { orgId });
  if (org === undefined) return null;
  if (org.businessHours === null) {
    if (!roleAtLeast(org.role, "admin")) return null;
    return (
      <Link href={`/org/${orgId}/settings`} className="text-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
        {t("setHours")}
      </Link>
    );
  }
  return <OpeningStatusBadge hours={org.businessHours} timeZone={org.timezone} />;
}

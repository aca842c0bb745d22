"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { openingStatus, type OpeningInterval } from "@/lib/business-hours";

const MINUTE_MS = 60_000;

/** The current time, moving every minute: open/closed changes on the minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

type OpeningStatusProps = { hours: OpeningInterval[] | null; timeZone: string };

/** "Open now" or "Closed · opens Mon 9:00 AM", in the org's zone; nothing when the org set no hours. */
export function OpeningStatusBadge({ hours, timeZone }: OpeningStatusProps) {
  const t = useTranslations("orgProfile.status");
  const format = useFormatter();
  const now = useMinuteClock();
  const status = openingStatus(hours ?? undefined, timeZone, now);
  if (status === null) return null;
  if (status.open) return <Badge tone="success">{t("open")}</Badge>;
  const when =
    status.opensAt === null
      ? null
      : format.dateTime(status.opensAt, { weekday: "short", hour: "numeric", minute: "2-digit", timeZone });
  return <Badge tone="neutral">{when === null ? t("closed") : t("closedUntil", { when })}</Badge>;
}
